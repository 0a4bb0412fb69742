/**
 * The crash test's victim: a station process holding an open session full of canaries. It prints "ready" with the
 * workspace path, then waits to be killed with SIGKILL by tests/integration/session/crash.test.ts.
 */
import { silentLogger } from '../../../main/log';
import { createServices } from '../../../main/services';
import { startAndFill, type Canaries } from './canary';
import { TEST_PIN_COST } from '../../helpers/seed-station';

async function main() {
  const [dataDir, canariesJson] = process.argv.slice(2) as [string, string];
  const canaries = JSON.parse(canariesJson) as Canaries;
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir,
    platform: { transport: 'web', appVersion: 'crash' },
    log: silentLogger,
  });
  await services.access.signIn('Camille', '482915');
  const { workspaceDir } = await startAndFill(services, canaries);
  process.stdout.write(`ready ${JSON.stringify({ workspaceDir, pid: process.pid })}\n`);
  setInterval(() => {}, 60_000);
}

void main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
