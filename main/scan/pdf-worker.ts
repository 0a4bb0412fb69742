/**
 * The PDF worker thread (started by pdf-raster.ts): opens the document with pdf.js (no eval, no scripting, no XFA)
 * and draws one page at a time on a @napi-rs/canvas, waiting for the main thread's "go" between pages so memory
 * stays at one page. Bundled by electron-vite as its own file (out/main/pdf-worker.js, left outside the asar); run
 * from source under tsx in the web host and the tests. It imports nothing but Node built-ins: pdf.js and the canvas
 * come from the paths the main thread gives, real files outside the archive.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { pageJpeg, RawPdf, scannedPages, type PageJpeg } from './pdf-page-jpeg';

export interface PdfWorkerData {
  pdfjsPath: string;
  canvasPath: string;
  assets: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string };
  bytes: Uint8Array;
  /** The largest page drawn, in pixels (300 dpi A4). */
  box: { long: number; short: number };
  /** The same pixel limit as images: a page or an embedded image above it is never drawn. */
  maxPixels: number;
}

export type PdfWorkerMessage =
  | { type: 'failed'; reason: 'password' | 'damaged' }
  | { type: 'too_large'; pixels: number }
  | { type: 'opened'; pages: number; javascript: boolean; forms: boolean; attachments: boolean }
  /** RGBA pixels drawn by pdf.js, or the page's own JPEG when the page is only that (pdf-page-jpeg.ts). */
  | { type: 'page'; number: number; width: number; height: number; data: Uint8Array; format: 'rgba' | 'jpeg' }
  | { type: 'done' }
  /** Ready to read the file (and again once pdf.js and the canvas are loaded): the document's budgets start now. */
  | { type: 'ready' }
  /** Loading pdf.js and the canvas: not the file's doing, outside its budgets. */
  | { type: 'loading' };

interface Viewport {
  width: number;
  height: number;
}
interface PdfPage {
  ref: { num: number; gen: number } | null;
  getViewport(options: { scale: number }): Viewport;
  render(options: { canvas: unknown; canvasContext: unknown; viewport: Viewport }): { promise: Promise<void> };
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(number: number): Promise<PdfPage>;
  getJSActions(): Promise<unknown>;
  getAttachments(): Promise<unknown>;
  getFieldObjects(): Promise<unknown>;
  destroy(): Promise<void>;
}
interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument> };
}
interface Context2d {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
interface CanvasModule {
  createCanvas(width: number, height: number): { getContext(kind: '2d'): Context2d };
}

const port = parentPort!;
/** Page tree nodes read from the raw file at most (a file with more is opened with pdf.js, which says how many). */
const MAX_RAW_PAGES = 1000;
const send = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const next = () => new Promise<unknown>((resolve) => port.once('message', resolve));
const has = (value: unknown) =>
  Boolean(value) &&
  (Array.isArray(value) ? value.length > 0 : typeof value === 'object' ? Object.keys(value!).length > 0 : true);

/** Sends each page's own JPEG in turn (the main thread's "go" between pages); false when stopped. */
async function sendJpegs(pages: PageJpeg[]): Promise<boolean> {
  for (const [index, found] of pages.entries()) {
    const jpeg = new Uint8Array(found.jpeg);
    const { width, height } = found;
    send({ type: 'page', number: index + 1, width, height, data: jpeg, format: 'jpeg' }, [jpeg.buffer as ArrayBuffer]);
    if ((await next()) !== 'go') return false;
  }
  return true;
}

async function main(data: PdfWorkerData): Promise<void> {
  // A scanned PDF made only of plain JPEG pages is read without pdf.js (pdf-page-jpeg.ts): no time spent loading it.
  send({ type: 'ready' });
  if ((await next()) !== 'go') return;
  const raw = new RawPdf(data.bytes);
  const scanned = scannedPages(raw, data.maxPixels, MAX_RAW_PAGES);
  if (scanned) {
    send({ type: 'opened', pages: scanned.length, javascript: false, forms: false, attachments: false });
    if ((await next()) !== 'go') return;
    if (await sendJpegs(scanned)) send({ type: 'done' });
    return;
  }
  send({ type: 'loading' });
  const pdfjs = (await import(pathToFileURL(data.pdfjsPath).href)) as PdfJs;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCanvas } = require(data.canvasPath) as CanvasModule;
  send({ type: 'ready' });
  if ((await next()) !== 'go') return;
  let document: PdfDocument;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(data.bytes),
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapPacked: true,
      // pdf.js skips decoding any image above this many pixels (the raw pre-check refuses them first).
      maxImageSize: data.maxPixels,
      ...data.assets,
    }).promise;
  } catch (error) {
    send({ type: 'failed', reason: (error as Error | null)?.name === 'PasswordException' ? 'password' : 'damaged' });
    return;
  }
  const [js, attachments, fields] = await Promise.all([
    document.getJSActions().catch(() => null),
    document.getAttachments().catch(() => null),
    document.getFieldObjects().catch(() => null),
  ]);
  send({
    type: 'opened',
    pages: document.numPages,
    javascript: has(js),
    attachments: has(attachments),
    forms: has(fields),
  });
  if ((await next()) !== 'go') return;
  const { box } = data;
  // An encrypted file's streams are encrypted: its pages are drawn.
  const plain = !/\/Encrypt\b/.test(raw.text);
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const found = plain && page.ref ? pageJpeg(raw, page.ref, data.maxPixels) : null;
    if (found) {
      const jpeg = new Uint8Array(found.jpeg);
      page.cleanup();
      send({ type: 'page', number, width: found.width, height: found.height, data: jpeg, format: 'jpeg' }, [
        jpeg.buffer as ArrayBuffer,
      ]);
      if ((await next()) !== 'go') return;
      continue;
    }
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(
      300 / 72,
      box.long / Math.max(unit.width, unit.height),
      box.short / Math.min(unit.width, unit.height),
    );
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    if (width * height > data.maxPixels) {
      send({ type: 'too_large', pixels: width * height });
      return;
    }
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const pixels = new Uint8Array(context.getImageData(0, 0, width, height).data);
    page.cleanup();
    send({ type: 'page', number, width, height, data: pixels, format: 'rgba' }, [pixels.buffer as ArrayBuffer]);
    if ((await next()) !== 'go') return;
  }
  await document.destroy();
  send({ type: 'done' });
}

main(workerData as PdfWorkerData).catch(() => send({ type: 'failed', reason: 'damaged' }));
