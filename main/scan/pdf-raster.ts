import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { outsideAsar } from '../app/resources-dir';
import { A4_PIXELS } from './pdf';

/**
 * Draws the pages of an incoming PDF to pixels with pdf.js (isEvalSupported off, no scripting, no XFA) in a worker
 * thread: a hostile or broken PDF that makes pdf.js spin or eat memory is stopped (time limit, heap limit) without
 * freezing the main process, and the other imports go on. One page at a time: the worker waits for the main
 * thread to take each page before drawing the next, so memory stays at one page.
 */
export interface RasterPage {
  /** RGBA pixels. */
  data: Buffer;
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
  { ok: true; contents: PdfContents } | { ok: false; reason: 'password' | 'damaged' | 'timeout' };

export interface RasterOptions {
  /** Told once the document is open; return false to stop there (e.g. too many pages). */
  onOpened(contents: PdfContents): boolean;
  onPage(page: RasterPage, number: number, total: number): Promise<void>;
  /** Longest time for opening the file or drawing one page. */
  stepTimeoutMs?: number;
  /** Where pdf.js is loaded from: pdfRendererFiles() unless a test points at a packaged app. */
  files?: PdfRendererFiles;
}

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const next = () => new Promise((resolve) => parentPort.once('message', resolve));
const has = (value) => Boolean(value) && (Array.isArray(value) ? value.length > 0 : typeof value === 'object' ? Object.keys(value).length > 0 : true);
(async () => {
  const { pdfjsPath, canvasPath, assets, bytes, box } = workerData;
  const pdfjs = await import(pathToFileURL(pdfjsPath).href);
  const { createCanvas } = require(canvasPath);
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false, disableFontFace: true,
      useSystemFonts: false, stopAtErrors: false, verbosity: 0, cMapPacked: true, ...assets,
    }).promise;
  } catch (error) {
    parentPort.postMessage({ type: 'failed', reason: error && error.name === 'PasswordException' ? 'password' : 'damaged' });
    return;
  }
  const [js, attachments, fields] = await Promise.all([
    document.getJSActions().catch(() => null),
    document.getAttachments().catch(() => null),
    document.getFieldObjects().catch(() => null),
  ]);
  parentPort.postMessage({ type: 'opened', pages: document.numPages, javascript: has(js), attachments: has(attachments), forms: has(fields) });
  if ((await next()) !== 'go') return;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(300 / 72, box.long / Math.max(unit.width, unit.height), box.short / Math.min(unit.width, unit.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const pixels = new Uint8Array(context.getImageData(0, 0, width, height).data);
    page.cleanup();
    parentPort.postMessage({ type: 'page', number, width, height, data: pixels }, [pixels.buffer]);
    if ((await next()) !== 'go') return;
  }
  await document.destroy();
  parentPort.postMessage({ type: 'done' });
})().catch(() => parentPort.postMessage({ type: 'failed', reason: 'damaged' }));
`;

type WorkerMessage =
  | { type: 'failed'; reason: 'password' | 'damaged' }
  | ({ type: 'opened' } & PdfContents)
  | { type: 'page'; number: number; width: number; height: number; data: Uint8Array }
  | { type: 'done' };

export interface PdfRendererFiles {
  pdfjsPath: string;
  canvasPath: string;
  assets: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string };
}

/**
 * The files the worker loads pdf.js and its canvas from. In the installed app they are real files outside the
 * asar archive (electron-builder.yml, asarUnpack): the worker imports an ES module, and pdf.js loads the canvas
 * from beside itself, neither of which may rely on Electron's asar support inside a worker thread.
 */
export function pdfRendererFiles(resolve: (id: string) => string = require.resolve): PdfRendererFiles {
  const root = outsideAsar(dirname(resolve('pdfjs-dist/package.json')));
  return {
    pdfjsPath: join(root, 'legacy', 'build', 'pdf.mjs'),
    canvasPath: outsideAsar(resolve('@napi-rs/canvas')),
    assets: {
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      cMapUrl: join(root, 'cmaps') + '/',
      wasmUrl: join(root, 'wasm') + '/',
    },
  };
}

export function rasterisePdf(bytes: Uint8Array, options: RasterOptions): Promise<RasterOutcome> {
  const stepTimeoutMs = options.stepTimeoutMs ?? 60_000;
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        ...(options.files ?? pdfRendererFiles()),
        bytes,
        box: { long: A4_PIXELS.height, short: A4_PIXELS.width },
      },
      resourceLimits: { maxOldGenerationSizeMb: 768 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let contents: PdfContents | null = null;
    const finish = (outcome: RasterOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), stepTimeoutMs);
    };
    arm();
    worker.on('error', () => finish({ ok: false, reason: 'damaged' }));
    worker.on('exit', () => finish(contents ? { ok: true, contents } : { ok: false, reason: 'damaged' }));
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'failed') return finish({ ok: false, reason: message.reason });
      if (message.type === 'done') return finish({ ok: true, contents: contents! });
      if (message.type === 'opened') {
        const { pages, javascript, forms, attachments } = message;
        contents = { pages, javascript, forms, attachments };
        if (!options.onOpened(contents)) return finish({ ok: true, contents });
        arm();
        worker.postMessage('go');
        return;
      }
      clearTimeout(timer);
      const page = {
        data: Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength),
        width: message.width,
        height: message.height,
      };
      options.onPage(page, message.number, contents?.pages ?? message.number).then(
        () => {
          if (settled) return;
          arm();
          worker.postMessage('go');
        },
        () => finish({ ok: false, reason: 'damaged' }),
      );
    });
  });
}
