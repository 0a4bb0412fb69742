import { PDFDocument, degrees } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageJpeg, RawPdf, scannedPages } from '../../../main/scan/pdf-page-jpeg';
import { buildPdf } from '../../../main/scan/pdf';
import { scannedPdf } from '../../fixtures/scan/generate';

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await sharp({ create: { width: 620, height: 877, channels: 3, background: '#f0e8d0' } })
    .jpeg({ quality: 80 })
    .toBuffer();
});

async function pagesOf(bytes: Buffer) {
  const refs = (await PDFDocument.load(bytes)).getPages().map((page) => page.ref);
  const raw = new RawPdf(bytes);
  return refs.map((ref) => pageJpeg(raw, { num: ref.objectNumber, gen: ref.generationNumber }, 50_000_000));
}

describe('the JPEG a scanned PDF page is made of', () => {
  it('is found, byte for byte, on each page that only draws one JPEG over the whole page', async () => {
    const found = await pagesOf(await scannedPdf([jpeg, jpeg]));
    expect(found).toHaveLength(2);
    for (const page of found) {
      expect(page).toMatchObject({ width: 620, height: 877 });
      expect(Buffer.from(page!.jpeg).equals(jpeg)).toBe(true);
    }
  });

  it('is not taken when the page shows something else: text, the image on part of it, a rotation', async () => {
    expect((await pagesOf(await scannedPdf([jpeg, jpeg], 'text')))[0]).toBeNull();
    expect((await pagesOf(await scannedPdf([jpeg, jpeg], 'half')))[0]).toBeNull();
    const turned = await PDFDocument.load(await scannedPdf([jpeg]));
    turned.getPage(0).setRotation(degrees(90));
    expect((await pagesOf(Buffer.from(await turned.save({ useObjectStreams: false }))))[0]).toBeNull();
  });

  it('is not taken when the image is above the pixel limit, or its JPEG does not match what the PDF says', async () => {
    const bytes = await scannedPdf([jpeg]);
    const raw = new RawPdf(bytes);
    const ref = (await PDFDocument.load(bytes)).getPage(0).ref;
    expect(pageJpeg(raw, { num: ref.objectNumber, gen: ref.generationNumber }, 620 * 877 - 1)).toBeNull();
    const other = await sharp({ create: { width: 621, height: 877, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    // The same file with another JPEG of a different width where the image's bytes are: the frame says 621.
    const lying = Buffer.from(
      bytes.toString('latin1').replace(jpeg.toString('latin1'), other.toString('latin1')),
      'latin1',
    );
    const lengthFixed = Buffer.from(
      lying.toString('latin1').replace(`/Length ${jpeg.length}`, `/Length ${other.length}`),
      'latin1',
    );
    expect(
      pageJpeg(new RawPdf(lengthFixed), { num: ref.objectNumber, gen: ref.generationNumber }, 50_000_000),
    ).toBeNull();
  });
});

describe('the PDF the station builds (upload-ready files, the network scanner’s pages)', () => {
  it('is read back page by page from its own JPEGs, without pdf.js', async () => {
    const other = await sharp({ create: { width: 877, height: 620, channels: 3, background: '#203040' } })
      .jpeg()
      .toBuffer();
    const built = await buildPdf([
      { jpeg, width: 620, height: 877 },
      { jpeg: other, width: 877, height: 620 },
    ]);
    const pages = scannedPages(new RawPdf(built), 50_000_000, 100);
    expect(pages?.map((page) => [page.width, page.height])).toEqual([
      [620, 877],
      [877, 620],
    ]);
    expect(Buffer.from(pages![1]!.jpeg).equals(other)).toBe(true);
  });
});
