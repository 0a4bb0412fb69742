/**
 * Scan import benchmark (issue #5): an A4 300-dpi colour JPEG scan (2480×3508) → upload-ready file under 1 MB
 * with thumbnail, through the real ScanService (detect, decode, EXIF rotation, 300-dpi box, mozjpeg with the
 * quality stepped to fit, thumbnail, AES-256-GCM workspace). Figures: median time per page over 20 pages, and the
 * peak memory (RSS) of a fresh process importing those 20 pages. Baseline in the same run: ImageMagick
 * `convert in.jpg -auto-orient -resize 2480x3508 -quality 80 out.jpg` on the same pages.
 *
 * The import runs in a child process so that generating the fixture does not count in the peak memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PAGES = 20;
const ROOT = resolve(__dirname, '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface WorkerResult {
  times: number[];
  sizes: number[];
  fits: boolean[];
  qualities: Array<number | null>;
  peakRssMb: number;
  sampledPeakRssMb: number;
  startRssMb: number;
}

async function worker(dir: string): Promise<void> {
  const { createServices } = await import('../../main/services');
  const { silentLogger } = await import('../../main/log');
  const startRss = process.memoryUsage().rss;
  let sampled = startRss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
  const services = createServices({
    dataDir: join(dir, 'data'),
    platform: { transport: 'web', appVersion: 'bench' },
    log: silentLogger,
  });
  const session = services.sessions.start({ id: null, pseudonym: 'bench' });
  const times: number[] = [];
  for (let page = 0; page < PAGES; page++) {
    const started = performance.now();
    const outcome = await services.scan.importPath(session, join(dir, `page-${page % 4}.jpg`), 'folder');
    times.push(performance.now() - started);
    if (outcome.imported.length !== 1) throw new Error(`page ${page} refused: ${outcome.refused[0]?.message}`);
  }
  clearInterval(sampler);
  const list = services.scan.list(session).imports;
  const result: WorkerResult = {
    times,
    sizes: list.map((item) => item.size),
    fits: list.map((item) => item.status === 'ready'),
    qualities: list.map((item) => item.quality),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakRssMb: sampled / 1_048_576,
    startRssMb: startRss / 1_048_576,
  };
  await services.sessions.end('ended');
  await services.scan.close();
  services.close();
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

function imagemagick(dir: string): { times: number[]; sizes: number[]; peakRssMb: number } | null {
  const convert = ['/usr/bin/convert', '/usr/bin/convert-im6.q16'].find((path) => existsSync(path));
  if (!convert) return null;
  try {
    execFileSync(convert, ['-version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const times: number[] = [];
  const sizes: number[] = [];
  let peak = 0;
  for (let page = 0; page < PAGES; page++) {
    const input = join(dir, `page-${page % 4}.jpg`);
    const output = join(dir, `im-${page}.jpg`);
    const args = [input, '-auto-orient', '-resize', '2480x3508', '-quality', '80', output];
    const started = performance.now();
    const run = existsSync('/usr/bin/time')
      ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', convert, ...args], { encoding: 'utf8' })
      : spawnSync(convert, args, { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`convert failed: ${run.stderr}`);
    const rss = /MAXRSS (\d+)/.exec(run.stderr ?? '');
    if (rss) peak = Math.max(peak, Number(rss[1]) / 1024);
    sizes.push(statSync(output).size);
  }
  return { times, sizes, peakRssMb: peak };
}

export async function run(): Promise<void> {
  const { a4ColourScan } = await import('../fixtures/scan/generate');
  const dir = mkdtempSync(join(tmpdir(), 'pn-bench-scan-'));
  try {
    const titles = ['CARTE GRISE', 'AVIS D’IMPOSITION', 'FACTURE D’ÉLECTRICITÉ', 'ATTESTATION'];
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `page-${i}.jpg`), await a4ColourScan(titles[i]));
    const inputSizes = [0, 1, 2, 3].map((i) => statSync(join(dir, `page-${i}.jpg`)).size);

    const child = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), __filename, '--worker', dir],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 10_000_000,
      },
    );
    const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
    if (!line) throw new Error(`bench worker failed: ${child.stderr}`);
    const ours = JSON.parse(line.slice(7)) as WorkerResult;
    const ourMedian = median(ours.times);

    console.log(
      `input: ${PAGES} pages, A4 300 dpi colour JPEG 2480×3508, ${Math.round(median(inputSizes) / 1000)} kB each (q90 scanner output)`,
    );
    console.log(`Point numérique (sharp/mozjpeg → upload-ready ≤ 1 MB + thumbnail, encrypted workspace):`);
    console.log(
      `  median per page: ${ourMedian.toFixed(0)} ms (min ${Math.min(...ours.times).toFixed(0)}, max ${Math.max(...ours.times).toFixed(0)}; first page includes warm-up)`,
    );
    console.log(
      `  output: median ${Math.round(median(ours.sizes) / 1000)} kB, all under the limit: ${ours.fits.every(Boolean)}, qualities used: ${[...new Set(ours.qualities)].join(', ')}`,
    );
    console.log(
      `  peak RSS of the importing process: ${ours.peakRssMb.toFixed(0)} MB (sampled ${ours.sampledPeakRssMb.toFixed(0)} MB; ${ours.startRssMb.toFixed(0)} MB at start)`,
    );
    console.log(
      `  targets: median < 400 ms → ${ourMedian < 400 ? 'met' : 'NOT met'}; peak RSS < 400 MB → ${ours.peakRssMb < 400 ? 'met' : 'NOT met'}`,
    );

    const im = imagemagick(dir);
    if (!im) {
      console.log('ImageMagick: not installed (apt-get install -y imagemagick) — baseline skipped.');
      return;
    }
    const imMedian = median(im.times);
    console.log(
      `ImageMagick convert -auto-orient -resize 2480x3508 -quality 80 (no thumbnail, no size fitting, new process each):`,
    );
    console.log(
      `  median per page: ${imMedian.toFixed(0)} ms; output median ${Math.round(median(im.sizes) / 1000)} kB (over 1 MB: ${im.sizes.filter((size) => size > 1_000_000).length}/${PAGES}); peak RSS ${im.peakRssMb.toFixed(0)} MB`,
    );
    console.log(`ratio (ours / ImageMagick, median per page): ${(ourMedian / imMedian).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes('--worker')) {
  void worker(process.argv[process.argv.indexOf('--worker') + 1]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
