import { describe, expect, it } from 'vitest';
import { codePageSubstitute } from '../../../main/print/code-page';
import { bindFrench, BREAK_MARK, wrapFrench } from '../../../main/print/french-text';
import { asciiUrl, layoutReceipt, layoutTestPage, wrap, type ReceiptLine } from '../../../main/print/layout';
import { buildReceiptModel } from '../../../main/print/receipt-model';
import { ACCENTS, abandonnee, deposee, incomplete, orientee, station } from './receipt-records';

const model = buildReceiptModel({
  records: [deposee, incomplete, orientee, abandonnee],
  station,
  printedAt: new Date('2026-11-23T16:05:00Z'),
});
const texts = (lines: ReceiptLine[]) => lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));

describe('receipt layout', () => {
  for (const width of [32, 42, 48]) {
    it(`never goes past ${width} columns and keeps every word`, () => {
      const lines = layoutReceipt(model, { width });
      for (const text of texts(lines)) expect(text.length).toBeLessThanOrEqual(width);
      const joined = texts(lines).join(' ').replace(/\s+/g, ' ');
      expect(joined).toContain('Numéro de demande : CIM-2611-4F7Q2');
      expect(joined).toContain(ACCENTS);
      expect(joined).toContain('Appelez le 34 00.');
    });
  }

  it('centres the one title and puts the QR code after the follow-up address', () => {
    const lines = layoutReceipt(model, { width: 32 });
    expect(lines[0]).toEqual({ kind: 'text', text: '    Reçu du point numérique', bold: true, tall: true });
    const qr = lines.findIndex((l) => l.kind === 'qr');
    expect(lines[qr]).toEqual({ kind: 'qr', payload: 'https://immatriculation.ants.gouv.fr/' });
    expect(texts(lines.slice(qr - 2, qr)).join('')).toContain('immatriculation.ants.¬gouv.fr');
  });

  it('lists missing pièces with where to get each, with a hanging indent', () => {
    const lines = texts(layoutReceipt(model, { width: 32 }));
    const start = lines.indexOf('Il manque :');
    expect(lines.slice(start + 1, start + 5)).toEqual([
      '- Code e-photo (photo et',
      '  signature numériques). Où',
      "  l'obtenir : Dans une cabine",
      '  photo agréée ANTS.',
    ]);
  });

  it('replaces what the code page lacks before breaking lines (PC858 has € but not œ)', () => {
    const lines = texts(layoutReceipt(model, { width: 48, substitute: codePageSubstitute('PC858_EURO') }));
    const joined = lines.join(' ');
    expect(joined).toContain("é è ê à ç ù ô î oe « » € '");
    expect(joined).not.toContain('œ');
    const pc437 = texts(layoutReceipt(model, { width: 48, substitute: codePageSubstitute('PC437_USA') })).join(' ');
    expect(pc437).toContain("é è ê à ç ù ô î oe « » EUR '");
  });

  it('lays out a test page with a width ruler and the accents', () => {
    const lines = layoutTestPage({ station: 'Test', characterSet: 'WPC1252', width: 42, qrPayload: 'https://x.fr/' });
    expect(texts(lines)).toContain('123456789012345678901234567890123456789012');
    expect(texts(lines).join(' ')).toContain(ACCENTS);
    expect(lines.some((l) => l.kind === 'qr')).toBe(true);
  });

  it('prints no-break spaces as plain spaces', () => {
    for (const width of [32, 42, 48]) {
      const lines = texts(layoutReceipt(model, { width }));
      expect(lines.some((line) => line.includes('34 00.'))).toBe(true);
      expect(lines.join('\n')).not.toContain('\u00a0');
    }
  });

  it('gives the QR code an ASCII address', () => {
    expect(asciiUrl('https://exemple.fr/démarche')).toBe('https://exemple.fr/d%C3%A9marche');
    expect(asciiUrl('https://préfecture.fr/')).toBe('https://xn--prfecture-c4a.fr/');
  });
});

/** French line breaking, case by case: [text, width, the lines]. */
const BREAKS: Array<[string, string, number, string[]]> = [
  ['never before »', 'Lisez « Mes messages » ensuite', 22, ['Lisez « Mes messages »', 'ensuite']],
  ['never after «', 'Ouvrez le menu « Mes messages »', 16, ['Ouvrez le menu', '« Mes messages »']],
  ['never before :', 'Numéro de demande : AB-12', 18, ['Numéro de', 'demande : AB-12']],
  ['never before ; ? !', 'Une question ? Appelez ; merci !', 14, ['Une question ?', 'Appelez ;', 'merci !']],
  ['never before € or %', 'Le prix est 2,76 € ou 92 % des cas', 13, ['Le prix est', '2,76 € ou', '92 % des cas']],
  ['a number stays with its unit', 'Valable pendant 15 jours ensuite', 18, ['Valable pendant', '15 jours ensuite']],
  ['6 mois together', 'une photo de moins de 6 mois', 23, ['une photo de moins de', '6 mois']],
  ['a phone number is never split', 'Appelez le 0 806 001 620 demain', 20, ['Appelez le', '0 806 001 620 demain']],
  [
    'a too-long address breaks after a safe character, with the mark',
    'https://administration-etrangers-en-france.interieur.gouv.fr/',
    32,
    ['https://administration-¬', 'etrangers-en-france.interieur.¬', 'gouv.fr/'],
  ],
  [
    'a too-long numéro breaks with the mark, nothing cut',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    16,
    ['ABCDEFGHIJKLMNO¬', 'PQRSTUVWXYZ0123¬', '456789'],
  ],
];

describe('French line breaking', () => {
  for (const [rule, text, width, expected] of BREAKS) {
    it(rule, () => {
      const lines = wrap(text, width);
      expect(lines).toEqual(expected);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      // Nothing is lost: without the marks, the words come back whole.
      expect(lines.join(' ').replaceAll(`${BREAK_MARK} `, '')).toBe(text);
    });
  }

  it('binds with no-break spaces only what must stay together', () => {
    expect(bindFrench('2019, 92 % en 3 jours')).toBe('2019, 92\u00a0% en 3\u00a0jours');
    expect(bindFrench('« Oui » : non')).toBe('«\u00a0Oui\u00a0»\u00a0: non');
    expect(bindFrench('entre 2004 et 2013')).toBe('entre 2004 et 2013');
  });

  it('never makes a line longer than the width, even for a bound group that cannot fit', () => {
    expect(wrapFrench(bindFrench('0 806 001 620 0 806 001 620'), 8).every((l) => l.length <= 8)).toBe(true);
  });
});
