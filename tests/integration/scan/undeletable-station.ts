/**
 * A station run in its own process, by the test "undeletable-original.test.ts", as a user who may read the scan
 * folder but not delete from it (an unprivileged user, even when the tests run as root). It prints one JSON line
 * when its session has started, and one with what it saw at the end.
 */
import { eventually, openScanStation, startSession } from './station';

let status: () => unknown = () => null;

async function main(): Promise<void> {
  const [dataDir, folder] = process.argv.slice(2) as [string, string];
  const station = await openScanStation(dataDir, { folder });
  const { services } = station;
  const scan = services.scan;
  status = () => scan.folderStatus();
  await eventually(() => scan.folderStatus().state === 'watching');
  const session = startSession(services);
  process.stdout.write(`${JSON.stringify({ step: 'session' })}\n`);
  await eventually(() => scan.list(session).notices.length === 1, 30_000);
  const during = scan.list(session);
  // The folder comes and goes (the watcher reports every file again): the same original is not imported twice.
  await scan.close();
  await scan.applyConfig();
  await eventually(() => scan.folderStatus().state === 'watching');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const importsAfterRestart = scan.list(session).imports.length;
  const report = await services.sessions.end('ended');
  const next = startSession(services);
  await eventually(() => scan.list(next).waiting.length === 1);
  const nextList = scan.list(next);
  process.stdout.write(
    `${JSON.stringify({
      step: 'done',
      uid: process.getuid?.(),
      notice: during.notices[0]!.message,
      imports: during.imports.length,
      importsAfterRestart,
      journal: services.journal.list({ code: 'scan.delete_failed' }).length,
      report,
      nextList,
    })}\n`,
  );
  await station.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ step: 'failed', error: String(error), folder: status() })}\n`);
    process.exit(1);
  },
);
