/**
 * The crash tests' victim: a station process holding an open session full of canaries (in memory, and encrypted in
 * its workspace). Given a scan folder, it also imports a scanned pièce from it. It prints "ready" with the
 * workspace path and its pid, then waits to be killed with SIGKILL (crash.test.ts, canary.test.ts). The canaries come
 * on stdin, never on the command line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../../main/log';
import { createServices } from '../../../main/services';
import { TEST_PIN_COST } from '../../helpers/seed-station';
import { victimInput } from '../../helpers/victim';
import { canaryScan, startAndFill, type Canaries } from './canary';

async function main() {
  const [dataDir] = process.argv.slice(2) as [string];
  const { canaries, scanFolder } = JSON.parse(await victimInput()) as { canaries: Canaries; scanFolder?: string };
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir,
    platform: { transport: 'web', appVersion: 'crash' },
    log: silentLogger,
  });
  if (scanFolder) {
    services.config.setSection('scan', { ...services.config.section('scan'), folder: scanFolder, quietSeconds: 1 });
    await services.scan.applyConfig();
  }
  await services.access.signIn('Camille', '482915');
  const { workspaceDir } = await startAndFill(services, canaries);
  if (scanFolder) {
    // The copier drops the scan in the folder; the station imports it (encrypted) and deletes the original.
    writeFileSync(join(scanFolder, `${canaries.fileName}-scan.jpg`), await canaryScan(canaries));
    const started = Date.now();
    while (services.scan.list(services.sessions.current()).imports.length < 2) {
      if (Date.now() - started > 20_000) throw new Error('the folder scan was not imported');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  process.stdout.write(`ready ${JSON.stringify({ workspaceDir, pid: process.pid })}\n`);
  setInterval(() => {}, 60_000);
}

void main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
