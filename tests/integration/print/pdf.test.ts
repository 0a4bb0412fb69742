import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import { ACCENTS, abandonnee, deposee, incomplete, orientee } from '../../unit/print/receipt-records';
import { openPrintStation, type PrintStation } from './station';

const tempDir = useTempDir();
let station: PrintStation | undefined;

afterEach(async () => {
  await station?.close();
  station = undefined;
});

/** Text of every page, through pdf.js (current version, eval disabled), one string per line. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; lines: string[]; sizes: number[][] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  const sizes: number[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    sizes.push([...page.view]);
    const content = await page.getTextContent();
    let current = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      current += item.str;
      if (item.hasEOL) {
        lines.push(current);
        current = '';
      }
    }
    if (current) lines.push(current);
  }
  await doc.destroy();
  return { pages: doc.numPages, lines, sizes };
}

describe('A4 PDF receipt', () => {
  it('holds the same content as the thermal receipt, accents and € included, on A4 pages', async () => {
    station = openPrintStation(tempDir(), { enabled: false }, [deposee, incomplete, orientee, abandonnee]);
    const result = await station.print.a4();
    expect(result.mode).toBe('download');
    const bytes = Buffer.from(result.pdfBase64!, 'base64');
    const { pages, lines, sizes } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const [, , width, height] of sizes) {
      expect(width).toBeCloseTo(595.28, 1);
      expect(height).toBeCloseTo(841.89, 1);
    }
    const text = lines.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Récépissé du point numérique');
    expect(text).toContain('Sous-préfecture - Château-Thierry');
    expect(text).toContain('Le lundi 23 novembre 2026 à 17:05');
    expect(text).toContain('Numéro de demande : CIM-2611-4F7Q2');
    expect(text).toContain(ACCENTS);
    expect(text).toContain('Résultat : Demande pas terminée');
    expect(text).toContain('Où aller : La mairie (avec une station biométrique)');
    expect(text).toContain('Résultat : Démarche arrêtée');
    expect(text).toContain("Ce n'est pas l'accusé de réception de l'administration");
    expect(text).toContain("Aucune donnée personnelle n'est gardée sur cet ordinateur.");
    expect(text).toContain('Appelez le 34 00.');
    expect(text).not.toContain('NE-DOIT-PAS-SORTIR');
  });

  it('is saved encrypted in the session workspace, replacing the previous one', async () => {
    station = openPrintStation(tempDir(), { enabled: false }, [deposee]);
    const first = await station.print.a4();
    const second = await station.print.a4();
    const stored = await station.session.workspace.read(second.fileId);
    expect(stored.subarray(0, 5).toString()).toBe('%PDF-');
    expect(stored.equals(Buffer.from(second.pdfBase64!, 'base64'))).toBe(true);
    expect(station.session.workspace.ids()).toEqual([second.fileId]);
    expect(first.fileId).not.toBe(second.fileId);
    expect(station.print.savedPdf(station.session)).toEqual({ fileId: second.fileId, name: second.name });
  });

  it('is printed on the system printer by the desktop platform, A4 explicitly, and marks the receipt printed', async () => {
    const printed: Array<{ html: string; title: string }> = [];
    station = openPrintStation(tempDir(), { enabled: false }, [deposee], {
      transport: 'electron',
      printA4: async (document) => {
        printed.push(document);
        return 'printed';
      },
    });
    expect((await station.print.status()).a4).toBe('system');
    const result = await station.print.a4();
    expect(result).toMatchObject({ mode: 'printed', pdfBase64: null });
    expect(printed).toHaveLength(1);
    expect(printed[0]!.html).toContain('@page{size:A4');
    expect(printed[0]!.html).toContain('Numéro de demande : CIM-2611-4F7Q2');
    expect(station.session.facts.receiptPrinted).toBe(true);
    expect(station.services.journal.list({ code: 'receipt.printed' })[0]!.details).toMatchObject({ via: 'a4' });
  });
});
