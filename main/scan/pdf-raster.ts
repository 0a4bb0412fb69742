import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { outsideAsar } from '../app/resources-dir';
import { A4_PIXELS } from './pdf';
import type { PdfWorkerData, PdfWorkerMessage } from './pdf-worker';

/**
 * Draws the pages of an incoming PDF to pixels with pdf.js (isEvalSupported off, no scripting, no XFA) in a worker
 * thread (pdf-worker.ts): a hostile or broken PDF is stopped without freezing the main process, and the other
 * imports go on. Budgets: each page (and the opening) within `stepTimeoutMs`, the whole document within
 * `documentTimeoutMs` of drawing, the process's memory (RSS) above `memoryLimitMb` for no longer than
 * `overMemoryMs`, pages and embedded images within `maxPixels` (the images' limit); the worker is killed when one
 * runs over. One page at a time: the worker waits for the main thread to take each page before drawing the next.
 */
export interface RasterPage {
  /** RGBA pixels, or the page's own JPEG (the page is only that JPEG, upright, filling it). */
  data: Buffer;
  format: 'rgba' | 'jpeg';
  width: number;
  height: number;
}

export interface PdfContents {
  pages: number;
  javascript: boolean;
  forms: boolean;
  attachments: boolean;
}

export type RasterOutcome =
  | { ok: true; contents: PdfContents }
  | { ok: false; reason: 'password' | 'damaged' | 'timeout' | 'memory' }
  | { ok: false; reason: 'pixels'; pixels: number };

export interface RasterOptions {
  /** Told once the document is open; return false to stop there (e.g. too many pages). */
  onOpened(contents: PdfContents): boolean;
  onPage(page: RasterPage, number: number, total: number): Promise<void>;
  /** Longest time for opening the file or drawing one page. */
  stepTimeoutMs?: number;
  /** Longest time the worker may spend on the whole document (the main thread's work on pages not counted). */
  documentTimeoutMs?: number;
  /** The process's memory (RSS) may stay above this for at most overMemoryMs while the worker runs. */
  memoryLimitMb?: number;
  /** Growth allowed over the RSS at the file's start, whatever memoryLimitMb says (see LEFTOVER_MARGIN). */
  memoryMarginMb?: number;
  overMemoryMs?: number;
  /** Pixel limit of a page as drawn and of each embedded image (pdf.js does not decode a larger one). */
  maxPixels?: number;
  /** Where pdf.js is loaded from: pdfRendererFiles() unless a test points at a packaged app. */
  files?: PdfRendererFiles;
}

export interface PdfRendererFiles {
  /** The worker's script: out/main/pdf-worker.js when bundled, main/scan/pdf-worker.ts under tsx and the tests. */
  workerPath: string;
  pdfjsPath: string;
  canvasPath: string;
  assets: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string };
}

/**
 * The files the worker loads pdf.js and its canvas from. In the installed app they are real files outside the
 * asar archive (electron-builder.yml, asarUnpack): the worker imports an ES module, and pdf.js loads the canvas
 * from beside itself, neither of which may rely on Electron's asar support inside a worker thread.
 */
export function pdfRendererFiles(
  resolve: (id: string) => string = require.resolve,
  mainDir: string = __dirname,
): PdfRendererFiles {
  const root = outsideAsar(dirname(resolve('pdfjs-dist/package.json')));
  return {
    workerPath: pdfWorkerPath(mainDir),
    pdfjsPath: join(root, 'legacy', 'build', 'pdf.mjs'),
    canvasPath: outsideAsar(resolve('@napi-rs/canvas')),
    assets: {
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      cMapUrl: join(root, 'cmaps') + '/',
      wasmUrl: join(root, 'wasm') + '/',
    },
  };
}

/**
 * The worker's script. Bundled (electron-vite: a separate entry beside out/main/index.js, unpacked from the asar by
 * electron-builder.yml) it is pdf-worker.js; from source (tsx in the web host, vitest) it is the .ts file beside
 * this one, run with tsx's loader.
 */
export function pdfWorkerPath(dir: string = __dirname): string {
  const bundled = join(dir, 'pdf-worker.js');
  return existsSync(outsideAsar(bundled)) ? outsideAsar(bundled) : join(dir, 'pdf-worker.ts');
}

function workerArgv(path: string): string[] {
  return path.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : [];
}

const SAMPLE_MS = 20;
const LEFTOVER_MARGIN = 512 * 1_048_576;
/** Loading pdf.js in a fresh worker (not the document's doing: outside its budgets). */
const START_TIMEOUT_MS = 60_000;

export function rasterisePdf(bytes: Uint8Array, options: RasterOptions): Promise<RasterOutcome> {
  // 8 s for one page: a real scanned page on a busy 2-core counter PC stays far below; a hostile page is stopped by
  // whichever comes first, this or the document's 10 s.
  const stepTimeoutMs = options.stepTimeoutMs ?? 8_000;
  const documentTimeoutMs = options.documentTimeoutMs ?? 10_000;
  // Neither the memory a previous file left with the allocator (RSS does not shrink at once) nor loading pdf.js in
  // the worker is this file's doing: the budget is set once pdf.js is loaded ('ready'), over the RSS of that moment.
  const margin = options.memoryMarginMb === undefined ? LEFTOVER_MARGIN : options.memoryMarginMb * 1_048_576;
  const budgetFromNow = () => Math.max((options.memoryLimitMb ?? 500) * 1_048_576, process.memoryUsage.rss() + margin);
  let memoryLimit = Number.POSITIVE_INFINITY;
  const overMemoryMs = options.overMemoryMs ?? 300;
  const files = options.files ?? pdfRendererFiles();
  const data: PdfWorkerData = {
    pdfjsPath: files.pdfjsPath,
    canvasPath: files.canvasPath,
    assets: files.assets,
    bytes,
    box: { long: A4_PIXELS.height, short: A4_PIXELS.width },
    maxPixels: options.maxPixels ?? 50_000_000,
  };
  return new Promise((resolve) => {
    const worker = new Worker(files.workerPath, {
      workerData: data,
      execArgv: workerArgv(files.workerPath),
      resourceLimits: { maxOldGenerationSizeMb: 384 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let contents: PdfContents | null = null;
    // Drawing time used so far, and since when the worker has been drawing (null: waiting for the main thread).
    let spent = 0;
    let drawingSince: number | null = null;
    let overSince: number | null = null;
    const memory = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss <= memoryLimit) overSince = null;
      else if (overSince === null) overSince = Date.now();
      else if (Date.now() - overSince > overMemoryMs) finish({ ok: false, reason: 'memory' });
    }, SAMPLE_MS);
    const finish = (outcome: RasterOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memory);
      void worker.terminate();
      resolve(outcome);
    };
    const pauseClock = () => {
      clearTimeout(timer);
      if (drawingSince !== null) spent += Date.now() - drawingSince;
      drawingSince = null;
    };
    const go = () => {
      const left = documentTimeoutMs - spent;
      if (left <= 0) return finish({ ok: false, reason: 'timeout' });
      drawingSince = Date.now();
      timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), Math.min(stepTimeoutMs, left));
    };
    timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), START_TIMEOUT_MS);
    worker.on('error', () => finish({ ok: false, reason: 'damaged' }));
    worker.on('exit', () => finish(contents ? { ok: true, contents } : { ok: false, reason: 'damaged' }));
    worker.on('message', (message: PdfWorkerMessage) => {
      if (settled) return;
      pauseClock();
      if (message.type === 'failed') return finish({ ok: false, reason: message.reason });
      if (message.type === 'too_large') return finish({ ok: false, reason: 'pixels', pixels: message.pixels });
      if (message.type === 'done') return finish({ ok: true, contents: contents! });
      if (message.type === 'loading') {
        memoryLimit = Number.POSITIVE_INFINITY;
        timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), START_TIMEOUT_MS);
        return;
      }
      if (message.type === 'ready') {
        memoryLimit = budgetFromNow();
        go();
        worker.postMessage('go');
        return;
      }
      if (message.type === 'opened') {
        const { pages, javascript, forms, attachments } = message;
        contents = { pages, javascript, forms, attachments };
        if (!options.onOpened(contents)) return finish({ ok: true, contents });
        go();
        worker.postMessage('go');
        return;
      }
      const page = {
        data: Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength),
        width: message.width,
        height: message.height,
        format: message.format,
      };
      options.onPage(page, message.number, contents?.pages ?? message.number).then(
        () => {
          if (settled) return;
          go();
          worker.postMessage('go');
        },
        () => finish({ ok: false, reason: 'damaged' }),
      );
    });
  });
}
