import { describe, expect, it } from 'vitest';
import { arrivedTooMuch, contentRefusal, offerRefusal } from '../../../main/site/download-policy';

const MB = 1_000_000;

describe('what the official site may download', () => {
  it.each([
    ['recapitulatif.pdf', 'application/pdf', null],
    ['recapitulatif.pdf', 'application/pdf; charset=binary', null],
    ['photo.JPG', 'image/jpeg', null],
    ['photo.png', 'image/png', null],
    ['cerfa.pdf', 'application/octet-stream', null], // the server does not say: the extension decides
    ['cerfa', 'application/octet-stream', 'type'],
    ['setup.exe', 'application/octet-stream', 'type'],
    ['page.html', 'text/html', 'type'],
    ['archive.zip', 'application/zip', 'type'],
    ['image.svg', 'image/svg+xml', 'type'], // an image that can carry script
    ['fichier.pdf', 'application/x-msdownload', 'type'], // a PDF name does not cover a program's type
  ])('%s announced as %s → %s', (name, mime, expected) => {
    const refusal = offerRefusal({ name, mime, totalBytes: 1000 }, 20 * MB);
    expect(refusal === null ? null : 'type').toBe(expected);
    if (refusal) expect(refusal).toMatch(/seulement des PDF et des images/);
  });

  it('refuses an announced size above the limit, and stops one that grows past it', () => {
    expect(offerRefusal({ name: 'a.pdf', mime: 'application/pdf', totalBytes: 20 * MB }, 20 * MB)).toBeNull();
    expect(offerRefusal({ name: 'a.pdf', mime: 'application/pdf', totalBytes: 20 * MB + 1 }, 20 * MB)).toMatch(
      /il dépasse 20 Mo/,
    );
    expect(arrivedTooMuch(20 * MB, 20 * MB)).toBe(false);
    expect(arrivedTooMuch(20 * MB + 1, 20 * MB)).toBe(true);
  });

  it('judges the complete file by its first bytes', () => {
    expect(contentRefusal(Buffer.from('%PDF-1.7\n…'), MB)).toBeNull();
    expect(contentRefusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), MB)).toBeNull();
    expect(contentRefusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), MB)).toBeNull();
    expect(contentRefusal(Buffer.from('<html><script>'), MB)).toMatch(/seulement des PDF/);
    expect(contentRefusal(Buffer.from('MZ\x90\x00'), MB)).toMatch(/seulement des PDF/);
    expect(contentRefusal(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MB)]), MB)).toMatch(/dépasse 1 Mo/);
  });
});
