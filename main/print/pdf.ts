import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { codePageSubstitute } from './code-page';
import { BREAK_MARK, bindFrench, NBSP } from './french-text';
import { qrMatrix } from './qr-matrix';
import type { ReceiptModel } from './receipt-model';

/** A4 in points, always explicit (Electron's printToPDF and silent print default to US Letter). */
export const A4 = { width: 595.28, height: 841.89 };

const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const QR_SIDE = 96;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.35, 0.4);
const BLUE = rgb(0, 0, 0.57);
/** The PDF standard fonts use WinAnsi, the repertoire of Windows-1252. */
const fit = codePageSubstitute('WPC1252');

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  mono: PDFFont;
}

/**
 * The receipt as a designed A4 page, from the receipt model (not from the thermal lines): a proportional font,
 * headings, the number set apart in a box, the QR code to the follow-up page. One démarche fits one page.
 */
export async function buildReceiptPdf(model: ReceiptModel, meta: { createdAt: Date }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(model.title);
  pdf.setLanguage('fr-FR');
  pdf.setCreator('Point numérique');
  pdf.setProducer('Point numérique');
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
    mono: await pdf.embedFont(StandardFonts.CourierBold),
  };
  const page = new PageWriter(pdf, fonts);

  page.text(model.title, { size: 20, font: fonts.bold, color: BLUE, after: 4 });
  page.text(`${model.station} — ${model.place}`, { size: 10, color: GREY });
  page.text(model.printedAt, { size: 10, color: GREY, after: 8 });
  page.text(model.notice, { size: 9.5, font: fonts.italic, color: GREY, after: 6 });

  if (model.demarches.length === 0) page.text("Aucune démarche n'a été enregistrée pendant ce rendez-vous.");
  for (const demarche of model.demarches) {
    page.rule();
    page.text(demarche.title, { size: 14, font: fonts.bold, after: 2 });
    page.text(demarche.outcome, { size: 11, font: fonts.bold, color: BLUE, after: 4 });
    if (demarche.numero) page.numberBox(demarche.numero.label, demarche.numero.value);
    page.list('À faire maintenant', demarche.doNow);
    page.list(
      'Il manque',
      demarche.missing.map((piece) => `${piece.label}. Où l'obtenir : ${piece.whereToGet}`),
    );
    if (demarche.delais) page.text(`Délai : ${demarche.delais}`, { size: 9.5, color: GREY, after: 4 });
  }
  for (const followUp of model.followUps) {
    page.rule();
    page.followUp(followUp.for.length > 0 ? `Suivre : ${followUp.for.join(' ; ')}` : 'Suivre votre dossier', followUp);
  }
  page.rule();
  if (model.keep) page.text(model.keep, { font: fonts.bold });
  for (const contact of model.contacts) page.text(contact, { font: fonts.bold });
  page.text(model.privacy, { size: 9.5, color: GREY });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

interface TextStyle {
  size?: number;
  font?: PDFFont;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  after?: number;
  width?: number;
}

class PageWriter {
  private page: PDFPage;
  private y = A4.height - MARGIN;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = pdf.addPage([A4.width, A4.height]);
  }

  text(value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10.5;
    const font = style.font ?? this.fonts.regular;
    const indent = style.indent ?? 0;
    const leading = size * 1.3;
    for (const line of wrapMeasured(fit(value), font, size, (style.width ?? WIDTH) - indent)) {
      this.room(leading);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: style.color ?? INK });
      this.y -= leading;
    }
    this.y -= style.after ?? 2;
  }

  list(title: string, items: string[]): void {
    if (items.length === 0) return;
    this.text(title, { size: 10.5, font: this.fonts.bold, after: 1 });
    for (const item of items) {
      this.room(14);
      this.page.drawText('•', { x: MARGIN + 6, y: this.y - 10.5, size: 10.5, font: this.fonts.regular, color: INK });
      this.text(item, { indent: 18, after: 1 });
    }
    this.y -= 3;
  }

  /** The number, set apart: its name above, the number large in a framed box, as typed. */
  numberBox(label: string, value: string): void {
    const size = 16;
    const lines = wrapMeasured(fit(value), this.fonts.mono, size, WIDTH - 24);
    const height = 18 + lines.length * size * 1.25 + 8;
    this.room(height + 6);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: WIDTH,
      height,
      borderColor: BLUE,
      borderWidth: 1.2,
      color: rgb(0.95, 0.96, 1),
    });
    this.page.drawText(fit(label), { x: MARGIN + 12, y: this.y - 14, size: 9.5, font: this.fonts.bold, color: BLUE });
    let y = this.y - 18 - size;
    for (const line of lines) {
      this.page.drawText(line, { x: MARGIN + 12, y, size, font: this.fonts.mono, color: INK });
      y -= size * 1.25;
    }
    this.y -= height + 8;
  }

  followUp(title: string, followUp: { url: string; how: string }): void {
    const textWidth = WIDTH - QR_SIDE - 16;
    this.room(QR_SIDE + 8);
    const top = this.y;
    this.text(title, { size: 12, font: this.fonts.bold, width: textWidth, after: 2 });
    this.text(followUp.how, { width: textWidth, after: 2 });
    this.text(followUp.url, { font: this.fonts.bold, color: BLUE, width: textWidth });
    this.drawQr(followUp.url, MARGIN + WIDTH - QR_SIDE, top);
    this.y = Math.min(this.y, top - QR_SIDE - 6);
  }

  rule(): void {
    this.room(14);
    this.y -= 5;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + WIDTH, y: this.y },
      thickness: 0.6,
      color: GREY,
    });
    this.y -= 8;
  }

  private drawQr(payload: string, left: number, top: number): void {
    const { size, modules } = qrMatrix(new URL(payload).href);
    const cell = QR_SIDE / size;
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        if (modules[row * size + column] !== '1') continue;
        this.page.drawRectangle({
          x: left + column * cell,
          y: top - (row + 1) * cell,
          width: cell + 0.05,
          height: cell + 0.05,
          color: rgb(0, 0, 0),
        });
      }
    }
  }

  private room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }
}

/** French line breaking (no-break spaces, ¬ on a broken token) measured in the proportional font. */
export function wrapMeasured(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string) => font.widthOfTextAtSize(s.replaceAll(NBSP, ' '), size);
  const lines: string[] = [];
  let current = '';
  for (const word of bindFrench(text).split(' ').filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (measure(rest) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut) + BREAK_MARK) > width) cut--;
      const safe = Math.max(...[...'/.-_?&='].map((c) => rest.lastIndexOf(c, cut - 1) + 1));
      if (safe > cut / 2) cut = safe;
      lines.push(rest.slice(0, cut) + BREAK_MARK);
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines.map((line) => line.replaceAll(NBSP, ' '));
}
