import { PDFDocument } from '@cantoo/pdf-lib';

/**
 * Incoming PDFs are never passed on as they are: each page is drawn to pixels with pdf.js (isEvalSupported off,
 * no scripting, in a worker thread: main/scan/pdf-raster.ts) and a new PDF is built from those images with pdf-lib. Whatever the original carried besides
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
  // A classic cross-reference table (no object streams): the import reads such a file page by page without pdf.js
  // (pdf-page-jpeg.ts), e.g. the network scanner's several pages, for a few hundred bytes more.
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
