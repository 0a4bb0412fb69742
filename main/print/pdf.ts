import { PDFDocument, rgb, StandardFonts } from '@cantoo/pdf-lib';
import type { ReceiptLine } from './layout';
import { qrMatrix } from './qr-matrix';

/** A4 in points, always explicit (Electron's printToPDF and silent print default to US Letter). */
export const A4 = { width: 595.28, height: 841.89 };
/** Columns of the A4 receipt: Courier 10 pt is 6 pt wide, 78 columns fit between 2 cm margins. */
export const A4_COLUMNS = 78;

const MARGIN = 56;
const SIZE = 10;
const LEADING = 13;
const QR_SIDE = 110;

/**
 * The receipt on A4, from the same lines as the thermal receipt (layout.ts, at A4_COLUMNS and fitted to WinAnsi,
 * the encoding of the PDF standard fonts: é è à ç ù ô œ € « » are in it). Generated in the main process.
 */
export async function buildReceiptPdf(lines: ReceiptLine[], meta: { title: string; createdAt: Date }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setCreator('Point numérique');
  pdf.setProducer('Point numérique');
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  const regular = await pdf.embedFont(StandardFonts.Courier);
  const bold = await pdf.embedFont(StandardFonts.CourierBold);

  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };

  for (const line of lines) {
    if (line.kind === 'qr') {
      room(QR_SIDE + LEADING);
      const { size, modules } = qrMatrix(line.payload);
      const cell = QR_SIDE / size;
      const left = (A4.width - QR_SIDE) / 2;
      const top = y - 4;
      for (let row = 0; row < size; row++) {
        for (let column = 0; column < size; column++) {
          if (modules[row * size + column] !== '1') continue;
          page.drawRectangle({
            x: left + column * cell,
            y: top - (row + 1) * cell,
            width: cell + 0.05,
            height: cell + 0.05,
            color: rgb(0, 0, 0),
          });
        }
      }
      y = top - QR_SIDE - LEADING;
      continue;
    }
    const size = line.tall ? SIZE * 1.4 : SIZE;
    room(LEADING);
    if (line.text) {
      const font = line.bold || line.tall ? bold : regular;
      const text = line.tall ? line.text.trim() : line.text;
      const x = line.tall ? (A4.width - font.widthOfTextAtSize(text, size)) / 2 : MARGIN;
      page.drawText(text, { x, y: y - size, size, font, color: rgb(0, 0, 0) });
    }
    y -= line.tall ? LEADING * 1.5 : LEADING;
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
