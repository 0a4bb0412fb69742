/**
 * Scan import benchmark (issues #5 and #18 point 6), side by side with the tools a counter PC could use instead,
 * in one run, as ratios:
 * - an A4 300-dpi colour JPEG (2480×3508) → upload-ready file (≤ 1 MB) + thumbnail through the real ScanService
 *   (open once, detect, decode, EXIF, 300-dpi box, fit the size limit, thumbnail, AES-256-GCM workspace), on a
 *   simple page (clean, already within the limit) and a noisy page (scanner noise, over the limit), against
 *   ImageMagick `/usr/bin/convert in.jpg -auto-orient -resize 2480x3508 -quality 75 out.jpg` (no thumbnail, no
 *   size fitting, no encryption, a new process each time). Both keep an embedded colour profile with the pixels
 *   (the noisy page has an sRGB one) instead of converting each pixel. Size and PSNR (dB, against the input's
 *   pixels, both brought to sRGB through their profiles) say whether the speed was bought with quality;
 * - a 10-page scanned A4 PDF (one JPEG per page, as a multifunction printer writes it) → upload-ready PDF, against
 *   poppler's `pdftoppm -r 300 -jpeg` (which only rasterizes), with the peak memory of each. Its pages are as noisy
 *   as the noisy page (1.3 MB each): even at the smallest try they do not fit the default 1 MB limit, so its row
 *   also says what a 2 MB limit gives (fitting());
 * - a JPEG dropped in the watched folder: time from the moment the folder sees it complete (its quiet window over,
 *   the import starts reading it) to its thumbnail.
 *
 * Each of ours runs in a fresh child process, so generating the fixtures does not count in its peak memory (RSS).
 * Figures only: nothing here fails on a time or a size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const JPEG_RUNS = 12;
const PDF_PAGES = 10;
const FOLDER_RUNS = 5;
const ROOT = resolve(__dirname, '..', '..');
const CONVERT = '/usr/bin/convert';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Measured {
  /** Milliseconds per run. */
  times: number[];
  peakRssMb: number;
  /** The first output, written beside the input for the size and PSNR. */
  output: string | null;
  detail?: string;
}

/**
 * What became of the file made for upload: "ready" (within the size limit, offered for upload) or "TOO LARGE" (even
 * the smallest try — quality 40, pages down to 30 % of 300 dpi — is over the limit: the import is kept but its card
 * says « Trop lourd » and nothing is offered for upload). "as sent" means the original, untouched.
 */
function fitting(item: { status: string; size: number; limit: number; quality: number | null }): string {
  const sizes = `${Math.round(item.size / 1000)} kB ${item.status === 'ready' ? '≤' : '>'} ${Math.round(item.limit / 1000)} kB limit`;
  const quality = item.quality === null ? 'as sent' : `q${item.quality}`;
  return `${item.status === 'ready' ? 'ready' : 'TOO LARGE'}: ${sizes}, ${quality}`;
}

/** In the child process: one kind of import, timed through the real services. */
async function worker(mode: string, dir: string, input: string): Promise<void> {
  const { openTestStation } = await import('../helpers/station');
  const data = join(dir, `data-${mode}-${process.pid}`);
  const services = openTestStation(data);
  const session = services.sessions.start({ id: null, pseudonym: 'bench' });
  const times: number[] = [];
  let output: string | null = null;
  let detail: string | undefined;
  let tooLarge: string | null = null;
  if (mode === 'folder') {
    const folder = join(dir, `folder-${process.pid}`);
    mkdirSync(folder);
    services.config.setSection('scan', { ...services.config.section('scan'), folder, quietSeconds: 1 });
    await services.scan.applyConfig();
    const reading = new Map<string, number>();
    services.bus.attach((name, payload) => {
      const event = payload as { name?: string; step?: string };
      if (name === 'scan.progress' && event.step === 'reading' && event.name)
        reading.set(event.name, performance.now());
    });
    const bytes = readFileSync(input);
    const quietFrom: number[] = [];
    for (let run = 0; run < FOLDER_RUNS; run++) {
      const name = `scan-${run}.jpg`;
      writeFileSync(join(folder, name), bytes);
      const written = performance.now();
      for (;;) {
        const item = services.scan.list(session).imports.find((entry) => entry.label === name);
        if (item) {
          await services.scan.thumbnail(session, item.id);
          const shown = performance.now();
          times.push(shown - reading.get(name)!);
          quietFrom.push(shown - written);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    detail = `from the write: median ${median(quietFrom).toFixed(0)} ms, quiet window 1000 ms`;
  } else {
    const runs = mode === 'pdf' ? 1 : JPEG_RUNS;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const outcome = await services.scan.importPath(session, input, 'folder');
      const item = services.scan.list(session).imports.find((entry) => entry.id === outcome.imported[0]);
      if (!item) {
        times.push(performance.now() - started);
        detail = `REFUSED: ${outcome.refused[0]?.message.slice(0, 40)}…`;
        break;
      }
      await services.scan.thumbnail(session, item.id);
      times.push(performance.now() - started);
      if (run === 0) {
        output = join(dir, `ours-${mode}-${process.pid}.${mode === 'pdf' ? 'pdf' : 'jpg'}`);
        const ready = item.status === 'ready';
        if (ready) writeFileSync(output, (await services.scan.uploadReady(session, item.id)).bytes);
        else output = null;
        detail = fitting(item);
        if (mode === 'pdf' && !ready) tooLarge = item.id;
      }
    }
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (tooLarge) {
    // What the same file gives for a site that accepts 2 MB (an unofficial guide's figure for ANEF), after the peak.
    const refitted = await services.scan.update(session, tooLarge, { limit: 2_000_000 });
    detail += `; with a 2000 kB limit: ${fitting(refitted)}`;
  }
  const result: Measured = { times, peakRssMb, output, detail };
  await services.sessions.end('ended');
  await services.scan.close();
  services.close();
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

function ours(mode: string, dir: string, input: string): Measured {
  const child = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), __filename, '--worker', mode, dir, input],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 10_000_000 },
  );
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) throw new Error(`bench worker (${mode}) failed: ${child.stderr}`);
  return JSON.parse(line.slice(7)) as Measured;
}

/** A command run `runs` times, each under /usr/bin/time for its peak memory. */
function tool(command: string, args: (run: number) => string[], runs: number): Measured {
  const times: number[] = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const done = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', command, ...args(run)], { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr}`);
    const rss = /MAXRSS (\d+)/.exec(done.stderr ?? '');
    if (rss) peak = Math.max(peak, Number(rss[1]) / 1024);
  }
  return { times, peakRssMb: peak, output: null };
}

function works(command: string, probe: string[]): boolean {
  if (!existsSync(command) || !existsSync('/usr/bin/time')) return false;
  try {
    execFileSync(command, probe, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Peak signal-to-noise ratio of `output` against `input`'s pixels (Infinity: the same pixels). */
async function psnr(input: Buffer, output: Buffer): Promise<number> {
  const { default: sharp } = await import('sharp');
  const a = await sharp(input).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(output).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (a.info.width !== b.info.width || a.info.height !== b.info.height) return Number.NaN;
  let squared = 0;
  for (let i = 0; i < a.data.length; i++) squared += (a.data[i]! - b.data[i]!) ** 2;
  return squared === 0 ? Number.POSITIVE_INFINITY : 10 * Math.log10((255 * 255 * a.data.length) / squared);
}

const kb = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
const db = (value: number) => (value === Number.POSITIVE_INFINITY ? 'identical' : `${value.toFixed(2)} dB`);

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' │ '));
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
  }
}

export async function run(): Promise<void> {
  const { a4ColourScan, a4SimpleScan, scannedPdf } = await import('../fixtures/scan/generate');
  const dir = mkdtempSync(join(tmpdir(), 'pn-bench-scan-'));
  try {
    const pages = {
      simple: await a4SimpleScan('ATTESTATION'),
      noisy: await a4ColourScan('CARTE GRISE'),
    };
    for (const [name, bytes] of Object.entries(pages)) writeFileSync(join(dir, `${name}.jpg`), bytes);
    const noisyPages = [pages.noisy, await a4ColourScan('AVIS D’IMPOSITION'), await a4ColourScan('FACTURE')];
    // A 10-page scanned A4 PDF as a multifunction printer writes it: one 300-dpi JPEG (q80) over each page.
    const { default: sharp } = await import('sharp');
    const pdfPages = [];
    for (let i = 0; i < PDF_PAGES; i++)
      pdfPages.push(
        await sharp(noisyPages[i % 3]!)
          .jpeg({ quality: 80 })
          .toBuffer(),
      );
    writeFileSync(join(dir, 'ten.pdf'), await scannedPdf(pdfPages));

    const hasConvert = works(CONVERT, ['-version']);
    const hasPoppler = works('/usr/bin/pdftoppm', ['-v']);
    const rows = [
      ['case', 'ours', 'baseline', 'baseline / ours', 'size ours / base', 'PSNR ours / base', 'peak RSS ours / base'],
    ];
    for (const [name, bytes] of Object.entries(pages)) {
      const input = join(dir, `${name}.jpg`);
      const mine = ours(name, dir, input);
      const output = readFileSync(mine.output!);
      const row = [`${name} page ${kb(bytes.length)} (${mine.detail})`, `${median(mine.times).toFixed(0)} ms`];
      if (hasConvert) {
        const target = join(dir, `convert-${name}.jpg`);
        const im = tool(
          CONVERT,
          () => [input, '-auto-orient', '-resize', '2480x3508', '-quality', '75', target],
          JPEG_RUNS,
        );
        const imBytes = readFileSync(target);
        row.push(
          `${median(im.times).toFixed(0)} ms convert q75`,
          `${(median(im.times) / median(mine.times)).toFixed(2)}×`,
          `${kb(output.length)} / ${kb(imBytes.length)}`,
          `${db(await psnr(bytes, output))} / ${db(await psnr(bytes, imBytes))}`,
          `${mine.peakRssMb.toFixed(0)} / ${im.peakRssMb.toFixed(0)} MB`,
        );
      } else {
        row.push(
          'convert missing',
          '—',
          kb(output.length),
          db(await psnr(bytes, output)),
          `${mine.peakRssMb.toFixed(0)} MB`,
        );
      }
      rows.push(row);
    }

    const pdf = ours('pdf', dir, join(dir, 'ten.pdf'));
    const pdfRow = [
      `${PDF_PAGES}-page scanned PDF ${kb(statSync(join(dir, 'ten.pdf')).size)} (${pdf.detail})`,
      `${median(pdf.times).toFixed(0)} ms`,
    ];
    if (hasPoppler) {
      const poppler = tool('/usr/bin/pdftoppm', () => ['-r', '300', '-jpeg', join(dir, 'ten.pdf'), join(dir, 'pp')], 1);
      pdfRow.push(
        `${median(poppler.times).toFixed(0)} ms pdftoppm`,
        `${(median(poppler.times) / median(pdf.times)).toFixed(2)}×`,
        `${pdf.output ? kb(statSync(pdf.output).size) : '—'} / —`,
        '—',
        `${pdf.peakRssMb.toFixed(0)} / ${poppler.peakRssMb.toFixed(0)} MB`,
      );
    } else pdfRow.push('pdftoppm missing', '—', '—', '—', `${pdf.peakRssMb.toFixed(0)} MB`);
    rows.push(pdfRow);

    const folder = ours('folder', dir, join(dir, 'simple.jpg'));
    rows.push([
      `folder: complete → thumbnail (${folder.detail})`,
      `${median(folder.times).toFixed(0)} ms`,
      '—',
      '—',
      '—',
      '—',
      `${folder.peakRssMb.toFixed(0)} MB`,
    ]);
    table(rows);
    console.log(
      'baseline / ours > 1: ours is that many times faster. Targets (issue #18): JPEG ≥ 2× convert at equal or better' +
        ` size or PSNR; ${PDF_PAGES}-page PDF ≤ 3000 ms with peak < 400 MB; thumbnail ≤ 1500 ms after complete.`,
    );
    if (!hasConvert || !hasPoppler) console.log('Missing baselines: apt-get install -y imagemagick poppler-utils.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes('--worker')) {
  const [mode, dir, input] = process.argv.slice(process.argv.indexOf('--worker') + 1);
  void worker(mode!, dir!, input!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
