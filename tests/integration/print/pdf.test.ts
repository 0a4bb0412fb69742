import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import { ACCENTS, abandonnee, deposee, incomplete, orientee } from '../../unit/print/receipt-records';
import { openPrintStation, type PrintStation } from './station';

const tempDir = useTempDir();
/** pdftotext and pdffonts come with Debian's poppler-utils (.ci/run installs it). */
function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
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
  it('holds what the usager needs, accents and € included, on A4 pages', async () => {
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
    expect(text).toContain('Reçu du point numérique');
    expect(text).toContain('Sous-préfecture - Château-Thierry');
    expect(text).toContain('Le lundi 23 novembre 2026 à 17:05');
    expect(text).toContain('Numéro de demande CIM-2611-4F7Q2');
    expect(text).toContain(ACCENTS);
    expect(text).toContain('Pas finie : il manque des pièces');
    expect(text).toContain('Allez voir : La mairie (avec une station biométrique).');
    expect(text).toContain('Arrêtée aujourd’hui');
    expect(text).toContain("n'est pas l'accusé de réception de l'administration");
    expect(text).toContain('Ce poste ne garde rien de personnel');
    expect(text).toContain('Appelez le 34 00.');
    expect(text).not.toContain('NE-DOIT-PAS-SORTIR');
  });

  it.skipIf(!hasPoppler())(
    'is a designed page (pdftotext; skipped without poppler-utils): a proportional font, headings, the number apart, the QR code, one page',
    async () => {
      const dir = tempDir();
      station = openPrintStation(dir, { enabled: false }, [deposee]);
      const bytes = Buffer.from((await station.print.a4()).pdfBase64!, 'base64');
      const file = join(dir, 'recu.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      // One démarche, one page: pdftotext separates pages with a form feed.
      expect(text.replace(/\f\s*$/, '').split('\f')).toHaveLength(1);
      const rows = text.split('\n').map((row) => row.trim());
      expect(rows[0]).toBe('Reçu du point numérique');
      expect(rows).toContain("Carte grise : changement de titulaire (véhicule d'occasion)");
      // The number on its own row, under its name, exactly as typed.
      const label = rows.indexOf('Numéro de demande');
      expect(rows.slice(label + 1).find((row) => row !== '')).toBe('CIM-2611-4F7Q2');
      expect(rows).toContain('À faire maintenant');
      expect(text).toMatch(/Suivre votre dossier/);
      // Proportional fonts for the text (Helvetica), a monospace one only for the number.
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/Helvetica /);
      expect(fonts).toMatch(/Helvetica-Bold/);
      expect(fonts).not.toMatch(/Courier\s/);
      // The QR code is drawn: hundreds of filled squares, none of them text.
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
        .promise;
      const ops = await (await doc.getPage(1)).getOperatorList();
      expect(ops.fnArray.filter((fn) => fn === pdfjs.OPS.constructPath).length).toBeGreaterThan(100);
      await doc.destroy();
    },
  );

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
    // Single line spacing: normal white-space and no newline between the body's blocks (under white-space: pre
    // the newlines between divs doubled every line).
    const body = printed[0]!.html.slice(printed[0]!.html.indexOf('<body>'));
    expect(printed[0]!.html).not.toMatch(/white-space:\s*pre/);
    expect(printed[0]!.html).toMatch(/body\{[^}]*white-space:normal/);
    expect(body).not.toContain('\n');
    expect(body).toMatch(/^<body><h1>Reçu du point numérique<\/h1>/);
    expect(printed[0]!.html).toContain(
      '<div class="numero"><span>Numéro de demande</span><strong>CIM-2611-4F7Q2</strong></div>',
    );
    expect(station.session.facts.receiptPrinted).toBe(true);
    expect(station.services.journal.list({ code: 'receipt.printed' })[0]!.details).toMatchObject({ via: 'a4' });
  });
});
