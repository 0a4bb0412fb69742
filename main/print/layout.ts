import { bindFrench, NBSP, wrapFrench } from './french-text';
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
 * THE thermal layout: receipt model → lines at a given width (32, 42 or 48 columns). The screen preview and the
 * ESC/POS job draw these lines, so the preview shows exactly what prints. Short on purpose: what the usager needs
 * (what was filed, the number, what to do now, délais, how to follow, whom to call), each said once. Pure.
 */
export function layoutReceipt(model: ReceiptModel, options: LayoutOptions): ReceiptLine[] {
  const out = new LineWriter(options);
  out.center(model.title, true, true);
  out.center(model.station);
  out.center(`${model.place}, ${model.printedAt.replace(/^Le /, 'le ')}`);
  out.rule('=');
  out.paragraph(model.notice);

  if (model.demarches.length === 0) {
    out.rule('-');
    out.paragraph("Aucune démarche n'a été enregistrée pendant ce rendez-vous.");
  }
  for (const demarche of model.demarches) {
    out.rule('-');
    out.paragraph(demarche.title, true);
    out.paragraph(`> ${demarche.outcome}`, true);
    if (demarche.numero) {
      out.paragraph(`${demarche.numero.label} :`);
      out.indented(demarche.numero.value, true);
    }
    out.list('À faire maintenant :', demarche.doNow);
    if (demarche.missing.length > 0) {
      out.paragraph('Il manque :', true);
      for (const piece of demarche.missing) out.item(`${piece.label}. Où l'obtenir : ${piece.whereToGet}`);
    }
    if (demarche.delais) out.paragraph(`Délai : ${demarche.delais}`);
  }

  for (const followUp of model.followUps) {
    out.rule('-');
    out.paragraph(followUp.for.length > 0 ? `Suivre : ${followUp.for.join(' ; ')}` : 'Suivre votre dossier', true);
    out.paragraph(followUp.how);
    out.paragraph(followUp.url);
    out.qr(followUp.url);
  }

  out.rule('=');
  if (model.keep) out.paragraph(model.keep, true);
  for (const contact of model.contacts) out.paragraph(contact, true);
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

  rule(char: string): void {
    this.text(char.repeat(this.width));
  }

  center(text: string, bold = false, tall = false): void {
    for (const line of wrapFrench(this.clean(text), this.width)) {
      const pad = Math.floor((this.width - line.length) / 2);
      this.text(' '.repeat(pad) + line, bold, tall);
    }
  }

  paragraph(text: string, bold = false): void {
    for (const line of wrapFrench(this.clean(text), this.width)) this.text(line, bold);
  }

  /** The number, set apart: on its own line(s), indented, bold and double height. */
  indented(text: string, bold = false): void {
    for (const line of wrapFrench(this.clean(text), this.width - 2)) this.text('  ' + line, bold, true);
  }

  item(text: string): void {
    const lines = wrapFrench(this.clean(text), this.width - 2);
    lines.forEach((line, index) => this.text((index === 0 ? '- ' : '  ') + line));
  }

  list(title: string, items: string[]): void {
    if (items.length === 0) return;
    this.paragraph(title, true);
    for (const item of items) this.item(item);
  }

  qr(payload: string): void {
    this.lines.push({ kind: 'qr', payload: asciiUrl(payload) });
  }

  /** French spacing first (no-break spaces), then the code page's stand-ins, word by word. */
  private clean(text: string): string {
    return bindFrench(text)
      .split(NBSP)
      .map((part) => part.split(' ').map(this.substitute).join(' '))
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

/** The French line breaker (french-text.ts), kept under its old name for the callers that wrap a single text. */
export function wrap(text: string, width: number): string[] {
  return wrapFrench(bindFrench(text), width);
}
