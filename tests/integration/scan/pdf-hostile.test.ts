import { describe, expect, it } from 'vitest';
import { rasterisePdf } from '../../../main/scan/pdf-raster';
import * as corpus from '../../fixtures/scan/generate';
import { giantImagePdf, operatorHeavyPdf } from '../../fixtures/scan/hostile-pdf';
import { useTempDir } from '../../helpers/temp-dir';
import { openScanStation, startSession } from './station';

/**
 * Hostile PDFs are bounded before they cost anything: embedded images and pages within the images' pixel limit,
 * each page within a time budget, the process's memory within its budget, the worker killed when one runs over,
 * and the next file imported as usual.
 */
const tempDir = useTempDir('pn-scan-hostile-');

/** Runs `work` while sampling this process's memory; returns its result and the peak RSS in MB. */
async function peakOf<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; grewMb: number; ms: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const started = Date.now();
  try {
    const result = await work();
    return { result, peakMb: peak / 1_048_576, grewMb: (peak - start) / 1_048_576, ms: Date.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile PDFs', () => {
  it('refuses a small PDF drawing a 20000×20000 image from its header, then imports the next file', async () => {
    const giant = await giantImagePdf();
    expect(giant.length).toBeLessThan(1_500_000);
    const station = await openScanStation(tempDir());
    try {
      const session = startSession(station.services);
      const scan = station.services.scan;
      const { result, peakMb, grewMb, ms } = await peakOf(() => scan.importBytes(session, 'geant.pdf', giant, 'drop'));
      expect(result.imported).toEqual([]);
      expect(result.refused[0]!.message).toContain('« geant.pdf »');
      expect(result.refused[0]!.message).toContain('400 millions de points, au plus 50');
      expect(ms).toBeLessThan(2000);
      // The budget main/scan/pdf-raster.ts enforces: 500 MB, or 512 MB over the process's memory once pdf.js is
      // loaded in the worker (loading pdf.js and its canvas is not the file's doing: about 150 MB here).
      expect(peakMb).toBeLessThan(Math.max(500, peakMb - grewMb + 512 + 200));
      const next = await scan.importBytes(session, 'suivant.pdf', await corpus.pdfDocument(1), 'drop');
      expect(next.imported).toHaveLength(1);
    } finally {
      await station.close();
    }
  });

  it('never decodes that image in the worker either (pdf.js is given the same pixel limit)', async () => {
    const giant = await giantImagePdf();
    const { result, grewMb, ms } = await peakOf(async () => {
      const pages: number[] = [];
      const outcome = await rasterisePdf(giant, {
        maxPixels: 50_000_000,
        onOpened: () => true,
        onPage: async (page) => void pages.push(page.width * page.height),
      });
      return { outcome, pages };
    });
    expect(result.outcome).toMatchObject({ ok: true, contents: { pages: 1 } });
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toBeGreaterThan(8_000_000);
    expect(result.pages[0]).toBeLessThanOrEqual(2480 * 3508);
    expect(ms).toBeLessThan(10_000);
    // Decoded, the image alone would take 400 MB (1.6 GB once drawn in colour).
    expect(grewMb).toBeLessThan(300);
  });

  it('stops a page of millions of drawing operators at its time budget, and imports the next file', async () => {
    const heavy = await operatorHeavyPdf();
    expect(heavy.length).toBeLessThan(1_000_000);
    const station = await openScanStation(tempDir());
    try {
      const session = startSession(station.services);
      const scan = station.services.scan;
      const { result, peakMb, grewMb, ms } = await peakOf(() => scan.importBytes(session, 'lourd.pdf', heavy, 'drop'));
      expect(result.refused[0]!.message).toContain('Le PDF « lourd.pdf » demande trop de travail');
      // Stopped at its budget (10 s for the document), not after the minute it would take: the margin is the
      // worker's start on a busy 2-core CI machine (11.3 s was seen with six agents running).
      expect(ms).toBeLessThan(16_000);
      // The budget main/scan/pdf-raster.ts enforces: 500 MB, or 512 MB over the process's memory once pdf.js is
      // loaded in the worker (loading pdf.js and its canvas is not the file's doing: about 150 MB here).
      expect(peakMb).toBeLessThan(Math.max(500, peakMb - grewMb + 512 + 200));
      const next = await scan.importBytes(session, 'suivant.pdf', await corpus.pdfDocument(2), 'drop');
      expect(next.refused).toEqual([]);
      expect(next.imported).toHaveLength(1);
    } finally {
      await station.close();
    }
  }, 30_000);

  it('kills the worker when the process stays above its memory budget', async () => {
    const pdf = await corpus.pdfDocument(3);
    const { result, ms } = await peakOf(() =>
      rasterisePdf(pdf, {
        // Far below what this process holds, with no margin: over budget as soon as the worker grows it.
        memoryLimitMb: 1,
        memoryMarginMb: 0,
        overMemoryMs: 100,
        onOpened: () => true,
        onPage: async () => undefined,
      }),
    );
    expect(result).toEqual({ ok: false, reason: 'memory' });
    expect(ms).toBeLessThan(15_000);
  });
});
