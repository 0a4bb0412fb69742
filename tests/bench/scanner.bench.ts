/**
 * Network scanner benchmark (issue #15): time from "Numériser" (scanner.scan) to the thumbnail of a one-page
 * 300-dpi colour A4 scan, through the real services: the eSCL client, the job runner, the scan pipeline
 * (normalise, fit under the size limit, encrypted workspace) and the thumbnail read. The test eSCL scanner on
 * 127.0.0.1 sends its page at a set rate, so the device's own time (sending the page) is shown apart from ours.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a4ColourScan } from '../fixtures/scan/generate';
import { startTestScanner } from '../helpers/escl-scanner';
import { openTestStation } from '../helpers/station';

const RUNS = 5;
/** A network MFP sending a 300-dpi colour page: about 2 MB/s over its link (set rate of the test scanner). */
const DEVICE_BYTES_PER_SECOND = 2_000_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function run(): Promise<void> {
  const page = await a4ColourScan();
  const scanner = await startTestScanner({ pages: [page], bytesPerSecond: DEVICE_BYTES_PER_SECOND });
  const dir = mkdtempSync(join(tmpdir(), 'pn-bench-scanner-'));
  const services = openTestStation(dir);
  try {
    await services.scanner.choose(scanner.url, null);
    const totals: number[] = [];
    const device: number[] = [];
    for (let round = 0; round < RUNS; round++) {
      const session = services.sessions.start({ id: null, pseudonym: 'bench' });
      const before = scanner.deviceMs;
      const started = performance.now();
      const result = await services.scanner.scan(session, { source: 'platen', colorMode: 'color', resolution: 300 });
      await services.scan.thumbnail(session, result.imported[0]!);
      totals.push(performance.now() - started);
      device.push(scanner.deviceMs - before);
      await services.sessions.end('ended');
    }
    const total = median(totals);
    const deviceMs = median(device);
    const ours = total - deviceMs;
    console.log(
      `page: 2480×3508 colour JPEG, ${(page.length / 1e6).toFixed(2)} MB, sent at ${DEVICE_BYTES_PER_SECOND / 1e6} MB/s`,
    );
    console.log(`"Numériser" → thumbnail, median of ${RUNS}: ${total.toFixed(0)} ms`);
    console.log(`  device (sending the page): ${deviceMs.toFixed(0)} ms`);
    console.log(`  ours (eSCL calls, normalise, fit, encrypt, thumbnail): ${ours.toFixed(0)} ms`);
    console.log(`  ours / device: ${(ours / deviceMs).toFixed(2)}`);
  } finally {
    services.close();
    await scanner.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
