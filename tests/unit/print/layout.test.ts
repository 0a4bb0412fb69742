import { describe, expect, it } from 'vitest';
import { codePageSubstitute } from '../../../main/print/code-page';
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

  it('centres the title and puts the QR code after the follow-up address', () => {
    const lines = layoutReceipt(model, { width: 32 });
    expect(lines[0]).toEqual({ kind: 'text', text: '  Récépissé du point numérique', bold: true, tall: true });
    const qr = lines.findIndex((l) => l.kind === 'qr');
    expect(lines[qr]).toEqual({ kind: 'qr', payload: 'https://immatriculation.ants.gouv.fr/' });
    expect(texts(lines.slice(qr - 2, qr)).join('')).toContain('immatriculation.ants.gouv.fr');
  });

  it('lists missing pièces with a hanging indent', () => {
    const lines = texts(layoutReceipt(model, { width: 32 }));
    const start = lines.indexOf('Documents qui manquent :');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '- Code e-photo (photo et',
      '  signature numériques)',
      '- Avis médical du médecin agréé',
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

  it('cuts a word longer than the line where it reaches the edge', () => {
    expect(wrap('voir https://permisdeconduire.ants.gouv.fr/', 20)).toEqual([
      'voir',
      'https://permisdecond',
      'uire.ants.gouv.fr/',
    ]);
  });

  it('lays out a test page with a width ruler and the accents', () => {
    const lines = layoutTestPage({ station: 'Test', characterSet: 'WPC1252', width: 42, qrPayload: 'https://x.fr/' });
    expect(texts(lines)).toContain('123456789012345678901234567890123456789012');
    expect(texts(lines).join(' ')).toContain(ACCENTS);
    expect(lines.some((l) => l.kind === 'qr')).toBe(true);
  });

  it('keeps the phone number on one line', () => {
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
