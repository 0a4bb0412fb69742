import { describe, expect, it } from 'vitest';
import { csvCell, frenchDecimal, toCsv } from '../../../main/survey/csv';
import { parseCsv } from './parse-csv';

describe('CSV for French spreadsheets', () => {
  it('starts with the UTF-8 byte-order mark, separates with ";" and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFFa;b\r\n1;x\r\n');
  });

  it('reads back exactly what was written, with separators, quotes, line breaks and accents inside cells', () => {
    const rows = [
      ['Sous-préfecture de Château-Salins', 'a;b', 'dit "bonjour"', 'deux\nlignes', '', 42, true, false, null],
      ['  espaces  ', 'œuf ça Été', '12,5', 'x', 'y', 0, false, true, undefined],
    ];
    const header = ['station', 'c1', 'c2', 'c3', 'c4', 'n', 'b1', 'b2', 'vide'];
    const parsed = parseCsv(toCsv(header, rows));
    expect(parsed.bom).toBe(true);
    expect(parsed.rows).toEqual([
      header,
      ['Sous-préfecture de Château-Salins', 'a;b', 'dit "bonjour"', 'deux\nlignes', '', '42', 'oui', 'non', ''],
      ['  espaces  ', 'œuf ça Été', '12,5', 'x', 'y', '0', 'non', 'oui', ''],
    ]);
  });

  it('quotes only the cells that need it', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a"b')).toBe('"a""b"');
  });

  it('defuses a cell a spreadsheet would run as a formula, but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes decimals with the French comma', () => {
    expect(frenchDecimal(97.54)).toBe('97,5');
    expect(frenchDecimal(30)).toBe('30');
    expect(frenchDecimal(null)).toBe('');
  });
});
