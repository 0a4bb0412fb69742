/**
 * The scan-folder crash test's victim: a station process holding an accompaniment while the copier writes into
 * its watched scan folder — one scan it refuses (damaged), one it keeps waiting for (still being written) and one
 * that will be swapped after the crash. It prints "ready" once it has seen them, then waits to be killed with
 * SIGKILL (folder-crash.test.ts). The names come on stdin, never on the command line.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../../main/log';
import { createServices } from '../../../main/services';
import { TEST_PIN_COST } from '../../helpers/seed-station';
import { victimInput } from '../../helpers/victim';

interface Input {
  scanFolder: string;
  refused: string[];
  arriving: string;
}

async function main() {
  const [dataDir] = process.argv.slice(2) as [string];
  const { scanFolder, refused, arriving } = JSON.parse(await victimInput()) as Input;
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir,
    platform: { transport: 'web', appVersion: 'crash' },
    log: silentLogger,
  });
  services.config.setSection('scan', { ...services.config.section('scan'), folder: scanFolder, quietSeconds: 1 });
  await services.scan.applyConfig();
  await services.access.signIn('Camille', '482915');
  const session = services.sessions.start({ id: null, pseudonym: 'Camille' });

  // A multi-page scan still being written: never quiet, so never read, only seen.
  const arrivingPath = join(scanFolder, arriving);
  writeFileSync(arrivingPath, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  setInterval(() => appendFileSync(arrivingPath, Buffer.alloc(512, 7)), 200);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Scans the station refuses ("abîmé"): they stay in the folder, listed by name for this usager.
  for (const name of refused) writeFileSync(join(scanFolder, name), Buffer.alloc(3000, 1));
  const started = Date.now();
  while (services.scan.list(session).waiting.filter((file) => file.why === 'refused').length < refused.length) {
    if (Date.now() - started > 20_000) throw new Error('the refused scans were not looked at');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write(`ready ${JSON.stringify({ workspaceDir: session.workspace.dir, pid: process.pid })}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
