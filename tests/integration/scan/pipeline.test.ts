import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';
import { openScanStation, startSession, type ScanStation } from './station';

const tempDir = useTempDir('pn-scan-');
const opened: ScanStation[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

let a4: Buffer;
beforeAll(async () => {
  a4 = await corpus.a4ColourScan();
});

async function station(scan: Record<string, unknown> = {}) {
  const opened_ = await openScanStation(tempDir(), scan);
  opened.push(opened_);
  const session = startSession(opened_.services);
  return { ...opened_, session, scan: opened_.services.scan };
}

function refusedMessage(outcome: { imported: string[]; refused: Array<{ message: string }> }): string {
  expect(outcome.imported).toEqual([]);
  expect(outcome.refused).toHaveLength(1);
  return outcome.refused[0]!.message;
}

describe('scan import pipeline (real sharp, pdf.js, pdf-lib, encrypted workspace)', () => {
  it('turns an A4 300-dpi colour scan into an upload-ready JPEG under 1 MB, with a thumbnail', async () => {
    const { scan, session } = await station();
    const outcome = await scan.importBytes(session, 'scan A4.jpg', a4, 'drop');
    expect(outcome.refused).toEqual([]);
    const [item] = scan.list(session).imports;
    expect(item).toMatchObject({ status: 'ready', format: 'jpg', pages: 1, kind: 'jpeg' });
    expect(item!.size).toBeLessThanOrEqual(1_000_000);
    const ready = await scan.uploadReady(session, item!.id);
    expect(ready.mime).toBe('image/jpeg');
    expect(ready.name).toBe('scan_A4.jpg');
    const meta = await sharp(ready.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(3508);
    const thumbnail = await sharp(await scan.thumbnail(session, item!.id)).metadata();
    expect(thumbnail.width).toBeLessThanOrEqual(240);
    expect(session.facts.piecesImported).toBe(1);
  });

  it('stores the bytes only encrypted in the session workspace', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'a4.jpg', a4, 'drop');
    const files = readdirSync(session.workspace.dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const bytes = readFileSync(join(session.workspace.dir, file));
      expect(bytes.subarray(12 + 16, 12 + 16 + 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(bytes.includes(Buffer.from('JFIF'))).toBe(false);
    }
  });

  it('applies the EXIF orientation of a phone photo', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'photo.jpg', await corpus.exifRotatedPhoto(), 'drop');
    const [item] = scan.list(session).imports;
    const ready = await scan.uploadReady(session, item!.id);
    const { data, info } = await sharp(ready.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([600, 800]);
    // The red band stored on top is on the right once upright.
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    const green = (x: number, y: number) => data[(y * info.width + x) * info.channels + 1]!;
    expect(at(580, 400)).toBeGreaterThan(200);
    expect(green(580, 400)).toBeLessThan(60);
    expect(green(20, 400)).toBeGreaterThan(200);
  });

  it('rotates by a quarter turn and turns grayscale on request, re-checking the size', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'carte.png', await corpus.smallPng(), 'pick');
    const [item] = scan.list(session).imports;
    const turned = await scan.update(session, item!.id, { rotate: { turn: 90 }, grayscale: true, format: 'png' });
    expect(turned).toMatchObject({ rotations: [90], grayscale: true, format: 'png', status: 'ready' });
    const ready = await scan.uploadReady(session, item!.id);
    const meta = await sharp(ready.bytes).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([400, 600]);
    const stats = await sharp(ready.bytes).stats();
    expect(stats.isOpaque).toBe(true);
    const [r, g] = stats.channels;
    expect(Math.abs(r!.mean - g!.mean)).toBeLessThan(1);
  });

  it('puts a transparent image on white paper', async () => {
    const { scan, session } = await station();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><text x="20" y="100" font-size="40">Texte</text></svg>';
    await scan.importBytes(session, 'transparent.png', await sharp(Buffer.from(svg)).png().toBuffer(), 'drop');
    const [item] = scan.list(session).imports;
    const { data } = await sharp((await scan.uploadReady(session, item!.id)).bytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);
  });

  it('reads every page of a multi-page TIFF into one PDF', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'trois.tiff', await corpus.multiPageTiff(3), 'drop');
    const [item] = scan.list(session).imports;
    expect(item).toMatchObject({ pages: 3, format: 'pdf', status: 'ready', kind: 'tiff' });
    const ready = await scan.uploadReady(session, item!.id);
    expect(ready.mime).toBe('application/pdf');
    expect(ready.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { PDFDocument } = await import('@cantoo/pdf-lib');
    expect((await PDFDocument.load(ready.bytes)).getPageCount()).toBe(3);
  });

  it('merges a recto and a verso into one PDF, in the chosen order', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'recto.jpg', await corpus.smallDocument('Recto'), 'drop');
    await scan.importBytes(session, 'verso.jpg', await corpus.smallDocument('Verso'), 'drop');
    const [recto, verso] = scan.list(session).imports;
    const merged = await scan.merge(session, [recto!.id, verso!.id]);
    expect(merged).toMatchObject({ pages: 2, format: 'pdf', status: 'ready' });
    expect(scan.list(session).imports).toHaveLength(1);
  });

  it('accepts a HEIF-family photo (AVIF) recognised by content', async () => {
    const { scan, session } = await station();
    const outcome = await scan.importBytes(session, 'sans-extension', await corpus.heifAvif(), 'drop');
    expect(outcome.refused).toEqual([]);
    expect(scan.list(session).imports[0]).toMatchObject({ kind: 'avif', status: 'ready' });
  });

  it('accepts a real HEIC photo (HEVC, as iPhones take them) and turns it into an upload-ready image', async () => {
    // 96×64 solid red, encoded by libheif's x265 encoder (Debian libheif-examples: heif-enc); see tests/fixtures/scan.
    const heic = readFileSync(join(__dirname, '../../fixtures/scan/iphone-red-96x64.heic'));
    const { scan, session } = await station();
    const outcome = await scan.importBytes(session, 'IMG_4021.HEIC', heic, 'drop');
    expect(outcome.refused).toEqual([]);
    const [imported] = scan.list(session).imports;
    expect(imported).toMatchObject({ kind: 'heic', status: 'ready' });
    const ready = await scan.uploadReady(session, imported!.id);
    const { data, info } = await sharp(Buffer.from(ready.bytes)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([96, 64]);
    const centre = (32 * info.width + 48) * info.channels;
    expect(data[centre]).toBeGreaterThan(150); // red stays red after HEVC, mozjpeg and the round trip
    expect(data[centre + 1]).toBeLessThan(90);
  });

  it('refuses a damaged iPhone HEIC photo with a French message', async () => {
    const { scan, session } = await station();
    const message = refusedMessage(await scan.importBytes(session, 'IMG_0001.HEIC', corpus.brokenHeic(), 'drop'));
    expect(message).toContain('« IMG_0001.HEIC »');
    expect(message).toContain('HEIC');
  });

  it('rebuilds an incoming PDF from images of its pages', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'avis.pdf', await corpus.pdfDocument(2), 'drop');
    const [item] = scan.list(session).imports;
    expect(item).toMatchObject({ pages: 2, format: 'pdf', status: 'ready', notes: [] });
    const ready = await scan.uploadReady(session, item!.id);
    expect(ready.bytes.toString('latin1')).toContain('/DCTDecode');
  });

  it('neutralises a PDF that carries JavaScript, a form and an attachment, and says so', async () => {
    const { scan, session } = await station();
    const pdf = await corpus.pdfDocument(1, { javascript: true, form: true, attachment: true });
    await scan.importBytes(session, 'cerfa.pdf', pdf, 'drop');
    const [item] = scan.list(session).imports;
    expect(item!.status).toBe('ready');
    expect(item!.notes.join(' ')).toContain('JavaScript');
    const text = (await scan.uploadReady(session, item!.id)).bytes.toString('latin1');
    for (const token of ['/JavaScript', '/JS', '/OpenAction', '/AcroForm', '/EmbeddedFile'])
      expect(text).not.toContain(token);
  });

  it('refuses a PDF that needs a password', async () => {
    const { scan, session } = await station();
    const message = refusedMessage(
      await scan.importBytes(session, 'protege.pdf', await corpus.encryptedPdf(true), 'drop'),
    );
    expect(message).toContain('« protege.pdf »');
    expect(message).toContain('protégé');
  });

  it('rebuilds a PDF only restricted by permissions into an unprotected copy', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'restreint.pdf', await corpus.encryptedPdf(false), 'drop');
    const [item] = scan.list(session).imports;
    expect(item!.status).toBe('ready');
    expect((await scan.uploadReady(session, item!.id)).bytes.toString('latin1')).not.toContain('/Encrypt');
  });

  it.each([
    ['vide.jpg', () => Buffer.alloc(0), 'vide'],
    ['tronque.jpg', () => corpus.truncatedJpeg(), 'abîmé'],
    ['corrompu.jpg', () => corpus.corruptJpeg(), 'abîmé'],
    ['bombe.png', () => corpus.pixelBombPng(), 'millions de points'],
    ['lettre.jpg', () => corpus.wordDocumentNamedJpg(), "n'est pas un scan"],
  ])('refuses %s with a French message naming it', async (name, make, expected) => {
    const { scan, session } = await station();
    const message = refusedMessage(await scan.importBytes(session, name, await make(), 'drop'));
    expect(message).toContain(`« ${name} »`);
    expect(message).toContain(expected);
    expect(scan.list(session).refusals.map((item) => item.name)).toEqual([name]);
  });

  it('refuses a pixel bomb from its header, before decoding it', async () => {
    const { scan, session } = await station();
    const before = process.memoryUsage().rss;
    refusedMessage(await scan.importBytes(session, 'bombe.png', corpus.pixelBombPng(), 'drop'));
    // 1.6 billion pixels decoded would take gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(200_000_000);
  });

  it('refuses a 200 MB file by its size without reading it', async () => {
    const { scan, session } = await station();
    const dir = tempDir();
    const path = join(dir, 'enorme.jpg');
    corpus.writeHugeFile(path);
    const before = process.memoryUsage().rss;
    const message = refusedMessage(await scan.importPath(session, path, 'pick'));
    expect(message).toContain('trop lourd');
    expect(message).toContain('200 Mo');
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000);
  });

  it('refuses a symbolic link', async () => {
    const { scan, session } = await station();
    const dir = tempDir();
    writeFileSync(join(dir, 'vrai.jpg'), await corpus.smallDocument());
    symlinkSync(join(dir, 'vrai.jpg'), join(dir, 'lien.jpg'));
    expect(refusedMessage(await scan.importPath(session, join(dir, 'lien.jpg'), 'pick'))).toContain('lien symbolique');
  });

  it('shows names with path separators or control characters safely', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, '../../etc/\u0007pass\nwd\u202e.jpg', await corpus.smallDocument(), 'drop');
    const [item] = scan.list(session).imports;
    expect(item!.label).toBe('passwd.jpg');
    expect(item!.uploadName).toBe('passwd.jpg');
  });

  it('keeps the good files when bad ones arrive in the same batch', async () => {
    const { scan, session } = await station();
    const results = await Promise.all([
      scan.importBytes(session, 'un.jpg', await corpus.smallDocument('Un'), 'drop'),
      scan.importBytes(session, 'vide.jpg', Buffer.alloc(0), 'drop'),
      scan.importBytes(session, 'corrompu.jpg', corpus.corruptJpeg(), 'drop'),
      scan.importBytes(session, 'bombe.png', corpus.pixelBombPng(), 'drop'),
      scan.importBytes(session, 'deux.jpg', await corpus.smallDocument('Deux'), 'drop'),
    ]);
    expect(results.flatMap((result) => result.imported)).toHaveLength(2);
    expect(scan.list(session).imports.map((item) => item.label)).toEqual(['un.jpg', 'deux.jpg']);
    expect(scan.list(session).refusals).toHaveLength(3);
  });

  it('marks a file that cannot fit the limit as too large instead of offering it', async () => {
    const { scan, session } = await station({ maxUploadBytes: 100_000 });
    await scan.importBytes(session, 'a4.jpg', a4, 'drop');
    const [item] = scan.list(session).imports;
    if (item!.status === 'ready') {
      expect(item!.size).toBeLessThanOrEqual(100_000);
    } else {
      expect(item!.status).toBe('too_large');
      await expect(scan.uploadReady(session, item!.id)).rejects.toThrow(/dépasse la taille/);
    }
    const png = await scan.update(session, item!.id, { format: 'png' });
    expect(png.status === 'too_large' || png.size <= 100_000).toBe(true);
  });

  it("re-fits the file when the pièce's site sets a smaller limit", async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'a4.jpg', a4, 'drop');
    const [item] = scan.list(session).imports;
    const fitted = await scan.update(session, item!.id, { pieceId: 'justificatif-domicile', limit: 300_000 });
    expect(fitted).toMatchObject({ limit: 300_000, status: 'ready' });
    expect(fitted.size).toBeLessThanOrEqual(300_000);
    expect((await scan.uploadReady(session, item!.id)).bytes.length).toBeLessThanOrEqual(300_000);
  });

  it('attaches, renames, reorders and removes imports', async () => {
    const { scan, session } = await station();
    await scan.importBytes(session, 'a.jpg', await corpus.smallDocument('A'), 'drop', {
      demarcheId: 'permis',
      pieceId: 'identite',
    });
    await scan.importBytes(session, 'b.jpg', await corpus.smallDocument('B'), 'drop');
    const [a, b] = scan.list(session).imports;
    expect(a).toMatchObject({ demarcheId: 'permis', pieceId: 'identite' });
    await scan.update(session, b!.id, { label: 'Justificatif de domicile', pieceId: 'identite', demarcheId: 'permis' });
    scan.move(session, b!.id, 'up');
    expect(scan.list(session).imports.map((item) => item.label)).toEqual(['Justificatif de domicile', 'a.jpg']);
    expect(scan.list(session).imports[0]!.uploadName).toBe('Justificatif_de_domicile.jpg');
    await scan.remove(session, a!.id);
    expect(scan.list(session).imports).toHaveLength(1);
  });

  it('forgets every import when the session ends', async () => {
    const { scan, session, services } = await station();
    await scan.importBytes(session, 'a.jpg', await corpus.smallDocument('A'), 'drop');
    const dir = session.workspace.dir;
    await services.sessions.end('ended');
    expect(existsSync(dir)).toBe(false);
    expect(scan.list(null).imports).toEqual([]);
    const next = startSession(services);
    expect(scan.list(next).imports).toEqual([]);
  });

  it('emits progress for each import', async () => {
    const { scan, session, events } = await station();
    await scan.importBytes(session, 'avis.pdf', await corpus.pdfDocument(2), 'drop');
    const steps = events
      .filter((event) => event.name === 'scan.progress')
      .map((event) => (event.payload as { step: string }).step);
    expect(steps).toContain('pages');
    expect(steps.at(-1)).toBe('done');
  });
});
