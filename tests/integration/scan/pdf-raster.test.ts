import { describe, expect, it } from 'vitest';
import { rasterisePdf } from '../../../main/scan/pdf-raster';
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

  it('stops a PDF that takes too long, without blocking the rest', async () => {
    const outcome = await rasterisePdf(await corpus.pdfDocument(1), {
      onOpened: () => true,
      onPage: async () => undefined,
      stepTimeoutMs: 1,
    });
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
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
