import type { ReceiptModel } from './receipt-model';

/** One printed line: text already padded to its place (the printer gets it as is), or a QR code. */
export type ReceiptLine =
  { kind: 'text'; text: string; bold?: boolean; tall?: boolean } | { kind: 'qr'; payload: string };

export const RECEIPT_WIDTHS = [32, 42, 48] as const;
export type ReceiptWidth = (typeof RECEIPT_WIDTHS)[number];

export interface LayoutOptions {
  width: number;
  /** Replaces what the printer's code page cannot print (œ → oe, € → EUR…), before lines are broken. */
  substitute?: (text: string) => string;
}

/**
 * THE layout: receipt model → lines at a given width (32, 42 or 48 columns). The screen preview, the ESC/POS job
 * and the A4 PDF all draw these lines, so the preview shows exactly what prints. Pure.
 */
export function layoutReceipt(model: ReceiptModel, options: LayoutOptions): ReceiptLine[] {
  const out = new LineWriter(options);
  out.center(model.title, true, true);
  out.center(model.station, true);
  out.center(model.place);
  out.center(model.printedAt);
  out.rule('=');
  out.paragraph(model.notice);

  if (model.demarches.length === 0) {
    out.rule('-');
    out.paragraph("Aucune démarche n'a été enregistrée pendant ce rendez-vous.");
  }
  for (const demarche of model.demarches) {
    out.rule('-');
    out.paragraph(demarche.title, true);
    out.paragraph(`Résultat : ${demarche.outcome}`, true);
    out.paragraph(demarche.explanation);
    if (demarche.numero) out.paragraph(`Numéro de demande : ${demarche.numero}`, true);
    if (demarche.orientation) {
      out.paragraph(`Où aller : ${demarche.orientation.to}`, true);
      out.paragraph(demarche.orientation.why);
    }
    out.list('Documents donnés :', demarche.piecesProvided);
    out.list('Documents qui manquent :', demarche.piecesMissing);
    out.list('Vous allez recevoir :', demarche.receives);
    out.list('Ce que vous devez faire :', demarche.nextSteps);
    if (demarche.delais) {
      out.blank();
      out.paragraph('Délai habituel :', true);
      out.paragraph(demarche.delais);
    }
    out.list('À ne pas oublier :', demarche.reminders);
  }

  for (const followUp of model.followUps) {
    out.rule('-');
    out.paragraph('Suivre votre dossier', true);
    out.paragraph(followUp.how);
    out.paragraph(followUp.url);
    out.qr(followUp.url);
    if (followUp.statuses.length > 0) {
      out.paragraph("Ce que veut dire l'état de votre dossier :", true);
      for (const status of followUp.statuses) out.item(`${status.name} : ${status.meaning}`);
    }
  }

  out.rule('=');
  out.paragraph(model.contact, true);
  out.paragraph(model.privacy);
  return out.lines;
}

/** The référent's test page: the same layout path, with the characters that matter and a width ruler. */
export function layoutTestPage(input: {
  station: string;
  characterSet: string;
  width: number;
  qrPayload: string | null;
  substitute?: (text: string) => string;
}): ReceiptLine[] {
  const out = new LineWriter({ width: input.width, substitute: input.substitute });
  out.center('Page de test', true, true);
  out.center(input.station);
  out.rule('=');
  out.paragraph(`Table de caractères : ${input.characterSet}`);
  out.paragraph(`Largeur : ${input.width} colonnes`);
  out.text(ruler(input.width));
  out.paragraph("Accents : é è ê à ç ù ô î œ « » € '");
  out.paragraph('Majuscules : É È À Ç Œ');
  if (input.qrPayload) {
    out.paragraph('Un QR code doit apparaître ici :');
    out.qr(input.qrPayload);
  }
  out.rule('=');
  return out.lines;
}

function ruler(width: number): string {
  let text = '';
  for (let column = 1; column <= width; column++) text += String(column % 10);
  return text;
}

class LineWriter {
  readonly lines: ReceiptLine[] = [];
  private readonly width: number;
  private readonly substitute: (text: string) => string;

  constructor(options: LayoutOptions) {
    this.width = options.width;
    this.substitute = options.substitute ?? ((text) => text);
  }

  text(text: string, bold = false, tall = false): void {
    const line: ReceiptLine = { kind: 'text', text };
    if (bold) line.bold = true;
    if (tall) line.tall = true;
    this.lines.push(line);
  }

  blank(): void {
    if (this.lines.length > 0 && !isBlank(this.lines[this.lines.length - 1]!)) this.text('');
  }

  rule(char: string): void {
    this.text(char.repeat(this.width));
  }

  center(text: string, bold = false, tall = false): void {
    for (const line of wrap(this.clean(text), this.width)) {
      const pad = Math.floor((this.width - line.length) / 2);
      this.text(' '.repeat(pad) + line, bold, tall);
    }
  }

  paragraph(text: string, bold = false): void {
    for (const line of wrap(this.clean(text), this.width)) this.text(line, bold);
  }

  item(text: string): void {
    const lines = wrap(this.clean(text), this.width - 2);
    lines.forEach((line, index) => this.text((index === 0 ? '- ' : '  ') + line));
  }

  list(title: string, items: string[]): void {
    if (items.length === 0) return;
    this.blank();
    this.paragraph(title, true);
    for (const item of items) this.item(item);
  }

  qr(payload: string): void {
    this.lines.push({ kind: 'qr', payload: asciiUrl(payload) });
  }

  /** One line of words; a no-break space (U+00A0, e.g. inside "34 00") keeps two words on the same line. */
  private clean(text: string): string {
    const flat = text
      .replace(/\u202f/g, NBSP)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
    return flat
      .split(NBSP)
      .map((part) => this.substitute(part))
      .join(NBSP);
  }
}

/** QR payloads must be ASCII (printQR counts characters, writes bytes): an address gets its escaped form. */
export function asciiUrl(text: string): string {
  try {
    return new URL(text).href;
  } catch {
    return text;
  }
}

function isBlank(line: ReceiptLine): boolean {
  return line.kind === 'text' && line.text === '';
}

const NBSP = '\u00a0';

/**
 * Word wrap at spaces only (a no-break space joins words and prints as a plain space); a word longer than the line
 * (a web address) is cut where it reaches the edge.
 */
export function wrap(text: string, width: number): string[] {
  return wrapWords(text, width).map((line) => line.replaceAll(NBSP, ' '));
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    let rest = word;
    if (current && current.length + 1 + rest.length <= width) {
      current += ' ' + rest;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines;
}
