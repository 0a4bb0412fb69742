import { describe, expect, it } from 'vitest';
import { safeName, uploadName } from '../../../main/scan/file-names';
import { refusal } from '../../../main/scan/refusals';

describe('file names from outside', () => {
  it('drops path separators and control characters', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('C:\\Users\\usager\\scan.jpg')).toBe('scan.jpg');
    expect(safeName('sc\u0000an\u0007\n.jpg')).toBe('scan.jpg');
    expect(safeName('facture\u202egpj.exe')).toBe('facturegpj.exe');
    expect(safeName('...')).toBe('document');
    expect(safeName('a'.repeat(300) + '.jpeg')).toHaveLength(120);
    expect(safeName('a'.repeat(300) + '.jpeg').endsWith('.jpeg')).toBe(true);
  });

  it('builds a plain upload name with the real extension', () => {
    expect(uploadName("Pièce d'identité.heic", 'jpg')).toBe('Piece_d_identite.jpg');
    expect(uploadName('', 'pdf')).toBe('document.pdf');
  });
});

describe('refusal messages', () => {
  it('name the file and say what to do, in French', () => {
    const message = refusal('too_large', 'enorme.jpg', { size: 200_000_000, limit: 40_000_000 }).message;
    expect(message).toContain('« enorme.jpg »');
    expect(message).toContain('200 Mo');
    expect(message).toContain('40 Mo');
    expect(refusal('foreign', 'lettre.jpg', { foreign: 'zip' }).message).toContain('Word');
    expect(refusal('pixels', 'bombe.png', { pixels: 1_600_000_000, limit: 50_000_000 }).message).toContain(
      '1600 millions',
    );
  });
});
