/**
 * CSV as French spreadsheets expect it: UTF-8 with a byte-order mark (so Excel reads the accents), ';' between
 * fields, CRLF between lines, RFC 4180 quoting. Cells that a spreadsheet would run as a formula are defused.
 */
export type Cell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** Codes, dates, plain words: written as they are (the common case, checked first for speed). */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_,:.-]*$/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (PLAIN.test(value)) return value;
  let text = value;
  // A text that starts like a formula (=, +, -, @) is prefixed with an apostrophe; numbers are written as numbers.
  if (FORMULA_START.test(text) && !/^[-+]?\d+([.,]\d+)?$/.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(';');
}

/** The whole file: BOM, header line, one line per row, CRLF after each line. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [BOM + csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join('\r\n') + '\r\n';
}

/** A number with the French decimal comma (97.5 → "97,5"), as French spreadsheets read it. */
export function frenchDecimal(value: number | null, digits = 1): string {
  if (value === null) return '';
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor).replace('.', ',');
}
