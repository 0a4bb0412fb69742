import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { smallDocument } from '../../fixtures/scan/generate';
import { startTestScanner, type TestScanner } from '../../helpers/escl-scanner';

/**
 * The test scanner is faithful to the protocol: Debian's sane-airscan backend (scanimage), which scans from real
 * HP, Canon, Epson, Brother… devices, scans from it too. A manual device entry in an airscan.conf of our own
 * (SANE_CONFIG_DIR), with discovery off, so nothing is looked for on the network.
 */
function hasScanimage(): boolean {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let scanner: TestScanner | null = null;
let dir: string | null = null;
afterEach(async () => {
  await scanner?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  scanner = null;
  dir = null;
});

describe.skipIf(!hasScanimage())(
  'sane-airscan against the test eSCL scanner (skipped: scanimage is not installed)',
  () => {
    it('lists the manual device and scans its page from the feeder', async () => {
      const page = await smallDocument('Page pour sane-airscan');
      scanner = await startTestScanner({ pages: [page] });
      dir = mkdtempSync(join(tmpdir(), 'pn-sane-'));
      writeFileSync(join(dir, 'dll.conf'), 'airscan\n');
      writeFileSync(join(dir, 'airscan.conf'), `[devices]\n"Test" = ${scanner.url}\n[options]\ndiscovery = disable\n`);
      const env = { ...process.env, SANE_CONFIG_DIR: dir };
      const run = (args: string[]) =>
        new Promise<string>((resolve, reject) =>
          execFile('scanimage', args, { env, timeout: 60_000 }, (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
          ),
        );
      expect(await run(['-L'])).toContain('airscan:e0:Test');
      const out = join(dir, 'page.png');
      await run(['-d', 'airscan:e0:Test', '--source', 'ADF', '--resolution', '150', '--format=png', '-o', out]);
      const image = sharp(readFileSync(out));
      const meta = await image.metadata();
      expect(meta.format).toBe('png');
      // sane-airscan lays the page into the scan window it asked for: the device's full width at 150 dpi.
      expect(meta.width).toBe((2550 * 150) / 300);
      // The page's own pixels came through (text on white), not an empty window.
      const { channels } = await image.stats();
      expect(channels[0]!.stdev).toBeGreaterThan(5);
      expect(scanner.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, 'ID')}`)).toEqual(
        expect.arrayContaining([
          'GET /eSCL/ScannerCapabilities',
          'POST /eSCL/ScanJobs',
          'GET /eSCL/ScanJobs/ID/NextDocument',
        ]),
      );
      const post = scanner.requests.find((r) => r.method === 'POST')!;
      expect(post.body).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    });
  },
);
