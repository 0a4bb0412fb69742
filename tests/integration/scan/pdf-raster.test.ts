import { describe, expect, it } from 'vitest';
import { pdfRendererFiles, rasterisePdf } from '../../../main/scan/pdf-raster';
import * as corpus from '../../fixtures/scan/generate';
import { useTempDir } from '../../helpers/temp-dir';
import { openScanStation, startSession } from './station';

const tempDir = useTempDir('pn-scan-pdf-');

describe('PDF pages drawn in a worker thread', () => {
  it('draws each page at 300 dpi A4, one at a time', async () => {
    const sizes: Array<[number, number]> = [];
    const outcome = await rasterisePdf(await corpus.pdfDocument(2), {
      onOpened: () => true,
      onPage: async (page) => {
        sizes.push([page.width, page.height]);
        expect(page.data.length).toBe(page.width * page.height * 4);
      },
    });
    expect(outcome).toMatchObject({ ok: true, contents: { pages: 2 } });
    expect(sizes).toEqual([
      [2480, 3507],
      [2480, 3507],
    ]);
  });

  it("takes a scanned page's own JPEG, byte for byte, and draws a page that shows more than that JPEG", async () => {
    const page = await corpus.smallDocument('Page scannée', 1240, 1754);
    const pages: Array<{ format: string; same: boolean; size: [number, number] }> = [];
    const outcome = await rasterisePdf(await corpus.scannedPdf([page, page], 'text'), {
      onOpened: () => true,
      onPage: async ({ data, format, width, height }) => {
        pages.push({ format, same: data.equals(page), size: [width, height] });
      },
    });
    expect(outcome).toMatchObject({ ok: true, contents: { pages: 2 } });
    expect(pages).toEqual([
      { format: 'rgba', same: false, size: [2480, 3507] },
      { format: 'jpeg', same: true, size: [1240, 1754] },
    ]);
  });

  it('reads a PDF made only of plain JPEG pages without loading pdf.js, and still needs it for any other page', async () => {
    const page = await corpus.smallDocument('Page scannée', 1240, 1754);
    // pdf.js where it cannot be loaded: a file that needs it comes back damaged.
    const files = { ...pdfRendererFiles(), pdfjsPath: '/nonexistent/pdf.mjs' };
    const formats: string[] = [];
    const onPage = async ({ format }: { format: string }) => void formats.push(format);
    const scanned = await rasterisePdf(await corpus.scannedPdf([page, page]), { onOpened: () => true, onPage, files });
    expect(scanned).toMatchObject({ ok: true, contents: { pages: 2 } });
    expect(formats).toEqual(['jpeg', 'jpeg']);
    const stamped = await rasterisePdf(await corpus.scannedPdf([page, page], 'text'), {
      onOpened: () => true,
      onPage,
      files,
    });
    expect(stamped).toEqual({ ok: false, reason: 'damaged' });
  });

  it('stops a PDF that takes too long, without blocking the rest', async () => {
    const outcome = await rasterisePdf(await corpus.pdfDocument(1), {
      onOpened: () => true,
      onPage: async () => undefined,
      stepTimeoutMs: 1,
    });
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
  });

  it("imports a scanned PDF from its pages' JPEGs, and refuses one whose JPEG is damaged as abîmé", async () => {
    const station = await openScanStation(tempDir());
    try {
      const session = startSession(station.services);
      const scan = station.services.scan;
      const pages = [await corpus.smallDocument('Recto', 1240, 1754), await corpus.smallDocument('Verso', 1240, 1754)];
      const imported = await scan.importBytes(session, 'scan.pdf', await corpus.scannedPdf(pages), 'drop');
      expect(imported.refused).toEqual([]);
      const [item] = scan.list(session).imports;
      expect(item).toMatchObject({ pages: 2, format: 'pdf', status: 'ready' });
      const { PDFDocument } = await import('@cantoo/pdf-lib');
      expect((await PDFDocument.load((await scan.uploadReady(session, item!.id)).bytes)).getPageCount()).toBe(2);

      const good = await corpus.smallDocument('Abîmé', 620, 877);
      const at = good.indexOf(Buffer.from([0xff, 0xda])) + 100;
      // Cut in the middle of its image data: the JPEG inside the PDF has no end.
      const cut = good.subarray(0, at + 2000);
      const broken = await scan.importBytes(session, 'abime.pdf', await corpus.scannedPdf([cut]), 'drop');
      expect(broken.refused[0]?.message).toContain('« abime.pdf » est abîmé');
      expect(scan.list(session).imports).toHaveLength(1);
    } finally {
      await station.close();
    }
  });

  it('refuses a damaged PDF and one with too many pages, with French messages', async () => {
    const station = await openScanStation(tempDir(), { maxPages: 2 });
    try {
      const session = startSession(station.services);
      const scan = station.services.scan;
      const damaged = await scan.importBytes(session, 'abime.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage'), 'drop');
      expect(damaged.refused[0]!.message).toContain('« abime.pdf » est abîmé');
      const long = await scan.importBytes(session, 'long.pdf', await corpus.pdfDocument(3), 'drop');
      expect(long.refused[0]!.message).toContain('trop de pages (3, au plus 2)');
      expect(scan.list(session).imports).toEqual([]);
    } finally {
      await station.close();
    }
  });
});
