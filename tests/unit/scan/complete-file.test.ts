import { describe, expect, it } from 'vitest';
import { endsProperly } from '../../../main/scan/complete-file';
import * as corpus from '../../fixtures/scan/generate';
import { greyTiff } from '../../fixtures/scan/tiff-pages';

/** Every prefix a slow writer could leave behind, from a few bytes to one byte short. */
function cuts(bytes: Buffer): Buffer[] {
  return [16, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 200, bytes.length - 1]
    .filter((length) => length > 0 && length < bytes.length)
    .map((length) => bytes.subarray(0, length));
}

describe('telling a finished scan from one still being written', () => {
  it('accepts whole JPEG, PNG, PDF, TIFF and AVIF files', async () => {
    expect(endsProperly('jpeg', await corpus.smallDocument('Entier'))).toBe(true);
    expect(endsProperly('png', await corpus.smallPng())).toBe(true);
    expect(endsProperly('pdf', await corpus.pdfDocument(3))).toBe(true);
    expect(endsProperly('tiff', await corpus.multiPageTiff(3))).toBe(true);
    expect(
      endsProperly(
        'tiff',
        greyTiff([
          { width: 40, height: 60 },
          { width: 90, height: 30 },
        ]),
      ),
    ).toBe(true);
    expect(endsProperly('avif', await corpus.heifAvif())).toBe(true);
  });

  it('accepts the padding some scanners write after the end marker', async () => {
    const jpeg = await corpus.smallDocument('Bourré');
    expect(endsProperly('jpeg', Buffer.concat([jpeg, Buffer.alloc(512)]))).toBe(true);
    expect(endsProperly('pdf', Buffer.concat([await corpus.pdfDocument(1), Buffer.from('\r\n\r\n')]))).toBe(true);
  });

  it('refuses every cut of each format', async () => {
    const whole = {
      jpeg: await corpus.smallDocument('Coupé'),
      png: await corpus.smallPng(),
      pdf: await corpus.pdfDocument(3),
      tiff: greyTiff([
        { width: 200, height: 300 },
        { width: 300, height: 200 },
      ]),
      avif: await corpus.heifAvif(),
    } as const;
    for (const [kind, bytes] of Object.entries(whole) as Array<[keyof typeof whole, Buffer]>) {
      for (const cut of cuts(bytes))
        expect({ kind, length: cut.length, ok: endsProperly(kind, cut) }).toMatchObject({ ok: false });
    }
  });

  it('refuses a TIFF whose directory points past the end, and one whose directories loop', () => {
    const tiff = greyTiff([{ width: 50, height: 50 }]);
    const pastEnd = Buffer.from(tiff);
    pastEnd.writeUInt32LE(tiff.length + 100, 4);
    expect(endsProperly('tiff', pastEnd)).toBe(false);
    const looping = Buffer.from(tiff);
    const ifd = looping.readUInt32LE(4);
    const entries = looping.readUInt16LE(ifd);
    looping.writeUInt32LE(ifd, ifd + 2 + entries * 12);
    expect(endsProperly('tiff', looping)).toBe(false);
  });
});
