import { dirname, join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';

/**
 * Incoming PDFs are never passed on as they are: each page is drawn to pixels with pdf.js (isEvalSupported off,
 * no scripting) and a new PDF is built from those images with pdf-lib. Whatever the original carried besides
 * what is visible — JavaScript, form logic, attachments, links, metadata — is gone from what is uploaded.
 *
 * Choices (see the report of issue #5):
 * - a PDF carrying JavaScript (common in filled cerfa forms) is NEUTRALISED, not refused: refusing it would turn
 *   away ordinary administration forms, and rasterising already removes the script. The counter is told.
 * - a PDF that needs a password to open is REFUSED: we cannot read it, and asking the usager for a password at
 *   the counter is not our business. A PDF only restricted by permissions (no password to open) is rasterised
 *   like any other and the rebuilt copy has no protection.
 */

/** A4 in PDF points. */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;
/** 300 dpi A4 in pixels. */
export const A4_PIXELS = { width: 2480, height: 3508 } as const;

export interface PdfFindings {
  /** Active or hidden content that the rebuild drops. */
  javascript: boolean;
  forms: boolean;
  attachments: boolean;
  /** Has an /Encrypt dictionary (may still open without a password). */
  encrypted: boolean;
}

/** Pure scan of the raw bytes for the names of active content (uncompressed objects only; pdf.js adds the rest). */
export function scanPdfBytes(bytes: Uint8Array): PdfFindings {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return {
    javascript: /\/(JavaScript|JS)\b/.test(text) || /\/(Launch|SubmitForm|RichMedia)\b/.test(text),
    forms: /\/(AcroForm|XFA)\b/.test(text),
    attachments: /\/EmbeddedFiles?\b/.test(text),
    encrypted: /\/Encrypt\b/.test(text),
  };
}

export type PdfOpenResult =
  | { ok: true; pages: number; findings: PdfFindings; document: PdfJsDocument }
  | { ok: false; reason: 'password' | 'damaged' };

// Minimal shapes of the pdf.js objects we use (pdfjs-dist is ESM-only, loaded with import()).
interface PdfJsViewport {
  width: number;
  height: number;
}
interface PdfJsPage {
  getViewport(options: { scale: number }): PdfJsViewport;
  render(options: { canvas: unknown; canvasContext: unknown; viewport: PdfJsViewport }): { promise: Promise<void> };
  cleanup(): void;
}
export interface PdfJsDocument {
  numPages: number;
  getPage(index: number): Promise<PdfJsPage>;
  getJSActions(): Promise<unknown>;
  getAttachments(): Promise<unknown>;
  getFieldObjects(): Promise<unknown>;
  destroy(): Promise<void>;
}
interface PdfJsModule {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfJsDocument> };
}

let pdfjs: Promise<PdfJsModule> | undefined;

function loadPdfJs(): Promise<PdfJsModule> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJsModule>;
  return pdfjs;
}

function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

function hasContent(value: unknown): boolean {
  if (!value) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Opens a PDF with pdf.js in its safest mode and lists what the rebuild will drop. */
export async function openPdf(bytes: Uint8Array): Promise<PdfOpenResult> {
  const raw = scanPdfBytes(bytes);
  const { getDocument } = await loadPdfJs();
  let document: PdfJsDocument;
  try {
    document = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapPacked: true,
      ...pdfjsAssets(),
    }).promise;
  } catch (error) {
    const name = (error as { name?: string })?.name;
    return { ok: false, reason: name === 'PasswordException' ? 'password' : 'damaged' };
  }
  const [js, attachments, fields] = await Promise.all([
    document.getJSActions().catch(() => null),
    document.getAttachments().catch(() => null),
    document.getFieldObjects().catch(() => null),
  ]);
  return {
    ok: true,
    pages: document.numPages,
    document,
    findings: {
      javascript: raw.javascript || hasContent(js),
      forms: raw.forms || hasContent(fields),
      attachments: raw.attachments || hasContent(attachments),
      encrypted: raw.encrypted,
    },
  };
}

export interface RasterPage {
  /** RGBA pixels. */
  data: Buffer;
  width: number;
  height: number;
}

/** Draws one page (1-based) at most at 300 dpi and never beyond A4 at 300 dpi in pixels. */
export async function rasterisePage(document: PdfJsDocument, pageNumber: number): Promise<RasterPage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const page = await document.getPage(pageNumber);
  const unit = page.getViewport({ scale: 1 });
  const longSide = Math.max(unit.width, unit.height);
  const shortSide = Math.min(unit.width, unit.height);
  const scale = Math.min(300 / 72, A4_PIXELS.height / longSide, A4_PIXELS.width / shortSide);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  const pixels = context.getImageData(0, 0, width, height).data;
  page.cleanup();
  return { data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), width, height };
}

/** One JPEG per page, each placed on an A4 page (portrait or landscape as the image) and scaled to fit. */
export async function buildPdf(pages: Array<{ jpeg: Uint8Array; width: number; height: number }>): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setProducer('Point numérique');
  pdf.setCreator('Point numérique');
  for (const page of pages) {
    const landscape = page.width > page.height;
    const pageWidth = landscape ? A4_POINTS.height : A4_POINTS.width;
    const pageHeight = landscape ? A4_POINTS.width : A4_POINTS.height;
    const image = await pdf.embedJpg(page.jpeg);
    const scale = Math.min(pageWidth / page.width, pageHeight / page.height);
    const width = page.width * scale;
    const height = page.height * scale;
    const target = pdf.addPage([pageWidth, pageHeight]);
    target.drawImage(image, { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}
