import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import type { SummaryModel } from './summary';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BLUE = rgb(0, 0, 145 / 255);

/** Splits a text into lines that fit the width at that size. */
function wrap(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The summary as a one-page A4 PDF in large print, to pin up at the counter. */
export async function summaryPdf(model: SummaryModel): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(model.title);
  doc.setLanguage('fr-FR');
  doc.setProducer('Point numérique');
  const page = doc.addPage(A4);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const write = (text: string, size: number, font = regular, color = rgb(0, 0, 0), gap = 6) => {
    for (const line of wrap(text, width, (t) => font.widthOfTextAtSize(t, size))) {
      y -= size;
      page.drawText(line, { x: MARGIN, y, size, font, color });
      y -= gap;
    }
  };

  page.drawRectangle({ x: MARGIN, y: y - 4, width: 8, height: 40, color: BLUE });
  page.drawRectangle({ x: MARGIN + 8, y: y - 4, width: 8, height: 40, color: rgb(0.88, 0.88, 0.88) });
  page.drawRectangle({ x: MARGIN + 16, y: y - 4, width: 8, height: 40, color: rgb(225 / 255, 0, 15 / 255) });
  y -= 60;
  write(model.title, 26, bold, BLUE, 10);
  write(model.station, 16, bold);
  write(model.period, 14);
  y -= 14;
  write(model.intro, 14, regular, rgb(0, 0, 0), 8);
  y -= 10;

  for (const row of model.rows) {
    y -= 30;
    page.drawText(row.label, { x: MARGIN, y, size: 16, font: bold });
    const rateWidth = bold.widthOfTextAtSize(row.rate, 28);
    page.drawText(row.rate, { x: A4[0] - MARGIN - rateWidth, y: y - 4, size: 28, font: bold, color: BLUE });
    y -= 18;
    page.drawText(row.count, { x: MARGIN, y, size: 11, font: regular, color: rgb(0.3, 0.3, 0.3) });
    y -= 10;
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: A4[0] - MARGIN, y },
      thickness: 0.5,
      color: rgb(0.8, 0.8, 0.8),
    });
  }
  y -= 24;
  if (model.recommend) write(model.recommend, 15, bold);
  y = Math.min(y, MARGIN + 40);
  write(model.footer, 11, regular, rgb(0.3, 0.3, 0.3));
  return Buffer.from(await doc.save());
}
