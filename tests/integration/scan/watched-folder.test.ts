import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';
import { greyTiff } from '../../fixtures/scan/tiff-pages';
import { eventually, openScanStation, startSession, type ScanStation } from './station';

const tempDir = useTempDir('pn-scan-folder-');
const opened: ScanStation[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function watchedStation(options: { usePolling?: boolean; scan?: Record<string, unknown> } = {}) {
  const folder = join(tempDir(), 'scans');
  mkdirSync(folder);
  const station = await openScanStation(tempDir(), {
    folder,
    usePolling: options.usePolling ?? false,
    ...options.scan,
  });
  opened.push(station);
  const scan = station.services.scan;
  await eventually(() => scan.folderStatus().state === 'watching');
  return { ...station, folder, scan };
}

/** Writes a file in pieces with pauses between them, as a scanner writing to a share does. */
async function writeSlowly(path: string, bytes: Buffer, pieces: number, pauseMs: number[]): Promise<void> {
  const fd = openSync(path, 'w');
  const size = Math.ceil(bytes.length / pieces);
  for (let index = 0; index < pieces; index++) {
    writeSync(fd, bytes, index * size, Math.min(size, bytes.length - index * size));
    if (index < pieces - 1) await pause(pauseMs[index % pauseMs.length]!);
  }
  closeSync(fd);
}

describe('the watched scan folder (real folder, real chokidar)', () => {
  it('imports a scan written into the folder during a session, then deletes the original', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    writeFileSync(join(folder, 'SCAN_0001.jpg'), await corpus.smallDocument('Scan du jour'));
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).imports[0]).toMatchObject({ label: 'SCAN_0001.jpg', source: 'folder', status: 'ready' });
    await eventually(() => !existsSync(join(folder, 'SCAN_0001.jpg')));
  });

  it('shows a folder file whose name holds control characters under a safe name', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    writeFileSync(join(folder, 'scan\u0007\nrecto\\verso.jpg'), await corpus.smallDocument('Nom bizarre'));
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).imports[0]!.label).toBe('verso.jpg');
  });

  it('waits for a multi-page PDF written slowly, with pauses longer than the quiet window, and imports it once whole', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    // Pauses of 1.5 s and 2.6 s: the second is longer than the 2 s quiet window, so the half-written file is
    // looked at; its missing %%EOF keeps it from being read as a damaged PDF.
    await writeSlowly(join(folder, 'multipage.pdf'), await corpus.pdfDocument(3), 4, [1_500, 2_600]);
    await eventually(() => scan.list(session).imports.length === 1, 30_000);
    expect(scan.list(session).imports[0]).toMatchObject({ label: 'multipage.pdf', pages: 3 });
    expect(scan.list(session).refusals).toEqual([]);
    await eventually(() => scan.list(session).waiting.length === 0);
  }, 60_000);

  it('imports a JPEG written with pauses of 1.5 s, without refusing it on the way', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const refusedOnTheWay: string[] = [];
    const probe = setInterval(() => {
      for (const file of scan.list(session).waiting) refusedOnTheWay.push(file.message);
    }, 100);
    try {
      await writeSlowly(join(folder, 'lent.jpg'), await corpus.a4ColourScan('Écrit lentement'), 3, [1_500]);
      await eventually(() => scan.list(session).imports.length === 1, 30_000);
    } finally {
      clearInterval(probe);
    }
    expect(refusedOnTheWay).toEqual([]);
    expect(scan.list(session).refusals).toEqual([]);
  }, 60_000);

  it('reads a folder file only after the quiet window the référent set', async () => {
    const { services, scan, folder } = await watchedStation({ scan: { quietSeconds: 1 } });
    const session = startSession(services);
    const seen: string[] = [];
    const probe = setInterval(() => {
      for (const file of scan.list(session).waiting) seen.push(file.message);
    }, 100);
    try {
      // A 3 s pause with a 1 s window: the half-written file is looked at, refused as incomplete, then imported.
      await writeSlowly(join(folder, 'court.jpg'), await corpus.smallDocument('Fenêtre courte'), 2, [3_000]);
      await eventually(() => scan.list(session).imports.length === 1, 20_000);
      expect(seen.some((message) => message.includes("« court.jpg » n'est pas complet"))).toBe(true);

      services.config.setSection('scan', { ...services.config.section('scan'), quietSeconds: 5 });
      await pause(500);
      seen.length = 0;
      await writeSlowly(join(folder, 'long.jpg'), await corpus.smallDocument('Fenêtre longue'), 2, [3_000]);
      await eventually(() => scan.list(session).imports.length === 2, 20_000);
      expect(seen).toEqual([]);
    } finally {
      clearInterval(probe);
    }
  });

  it('shows a refused folder file once, and a rescan under the same name replaces the refusal', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const path = join(folder, 'facture.jpg');
    writeFileSync(path, corpus.wordDocumentNamedJpg());
    await eventually(() => scan.list(session).waiting.length === 1);
    const list = scan.list(session);
    expect(list.refusals).toEqual([]); // not a second time above the waiting list
    expect(list.waiting[0]).toMatchObject({ why: 'refused', name: 'facture.jpg' });
    expect(list.waiting[0]!.message).toContain("« facture.jpg » n'est pas un scan");
    const id = list.waiting[0]!.id;

    writeFileSync(path, await corpus.smallDocument('Le bon scan'));
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).waiting).toEqual([]);
    expect(scan.list(session).refusals).toEqual([]);
    expect(scan.list(session).imports[0]!.label).toBe('facture.jpg');
    expect(id).toBeTruthy();
    await eventually(() => !existsSync(path));
  });

  it('calls a TIFF with a too-large page 2 "trop grande", and "Réessayer" imports it once the limit allows', async () => {
    const { services, scan, folder } = await watchedStation({ scan: { maxPixels: 1_000_000 } });
    const session = startSession(services);
    writeFileSync(
      join(folder, 'deux-pages.tif'),
      greyTiff([
        { width: 600, height: 800 },
        { width: 1200, height: 1200 },
      ]),
    );
    await eventually(() => scan.list(session).waiting.length === 1);
    const [refused] = scan.list(session).waiting;
    expect(refused!.message).toContain('La page 2 de « deux-pages.tif » est beaucoup trop grande');
    expect(refused!.message).toContain('1,4 million de points');
    expect(refused!.message).not.toContain('abîmé');

    services.config.setSection('scan', { ...services.config.section('scan'), maxPixels: 2_000_000 });
    const outcome = await scan.importWaiting(session, refused!.id, { pieceId: 'justificatif' });
    expect(outcome.imported).toHaveLength(1);
    expect(scan.list(session).imports[0]).toMatchObject({ pages: 2, pieceId: 'justificatif' });
    expect(scan.list(session).waiting).toEqual([]);
  });

  it('holds files from before the session without their names; the mediator imports or deletes them', async () => {
    const { services, scan, folder } = await watchedStation();
    writeFileSync(join(folder, 'ancien-DUPONT.jpg'), await corpus.smallDocument('Usager précédent'));
    writeFileSync(join(folder, 'autre-MARTIN.jpg'), await corpus.smallDocument('Usager précédent 2'));
    await pause(2_500);
    const session = startSession(services);
    await eventually(() => scan.list(session).waiting.length === 2);
    const list = scan.list(session);
    expect(list.waiting.every((file) => file.why === 'before_session' && file.name === null)).toBe(true);
    expect(list.waiting[0]!.message).toContain('usager précédent');
    expect(JSON.stringify(list)).not.toMatch(/DUPONT|MARTIN/);
    expect(list.imports).toEqual([]);

    const [first, second] = list.waiting;
    const outcome = await scan.importWaiting(session, first!.id, { pieceId: 'identite' });
    expect(outcome.imported).toHaveLength(1);
    await scan.deleteWaiting(second!.id);
    expect(existsSync(join(folder, 'ancien-DUPONT.jpg')) || existsSync(join(folder, 'autre-MARTIN.jpg'))).toBe(false);
    expect(scan.list(session).waiting).toEqual([]);
  });

  it("deletes at the session's end what it brought into the folder, and the next session sees no name of it", async () => {
    const { services, scan, folder } = await watchedStation();
    writeFileSync(join(folder, 'avant-LEGRAND.jpg'), await corpus.smallDocument('Avant'));
    await pause(2_500);
    const first = startSession(services);
    writeFileSync(join(folder, 'importe-BERNARD.jpg'), await corpus.smallDocument('Importé'));
    writeFileSync(join(folder, 'refuse-BERNARD.jpg'), corpus.wordDocumentNamedJpg());
    symlinkSync('/etc/hostname', join(folder, 'lien-BERNARD.jpg'));
    await eventually(() => scan.list(first).imports.length === 1 && scan.list(first).waiting.length === 3);
    expect(scan.list(first).waiting.filter((file) => file.why === 'refused')).toHaveLength(2);
    // Still arriving when the session ends: not yet looked at, but the session's all the same.
    const arriving = join(folder, 'en-cours-BERNARD.pdf');
    writeFileSync(arriving, (await corpus.pdfDocument(1)).subarray(0, 3000));

    const report = await services.sessions.end('ended');
    expect(existsSync(join(folder, 'refuse-BERNARD.jpg'))).toBe(false);
    expect(existsSync(join(folder, 'lien-BERNARD.jpg'))).toBe(false);
    expect(existsSync(arriving)).toBe(false);
    expect(existsSync('/etc/hostname')).toBe(true);
    expect(existsSync(join(folder, 'avant-LEGRAND.jpg'))).toBe(true);
    expect(report!.removed.figures['scan.files']).toBe(3);
    // The workspace is counted as it was before the scan part cleared it: 1 import = master, file, thumbnail.
    expect(report!.removed.workspaceFiles).toBeGreaterThanOrEqual(3);
    expect(report!.removed.files).toBe(report!.removed.workspaceFiles + 3);
    expect(report!.verification.ok).toBe(true);

    const next = startSession(services);
    await eventually(() => scan.list(next).waiting.length === 1);
    const screens = JSON.stringify([scan.list(next), services.sessions.recentWipe()]);
    expect(screens).not.toMatch(/BERNARD|LEGRAND/);
    expect(scan.list(next).waiting[0]).toMatchObject({ why: 'before_session', name: null });
  });

  it('refuses a queued file swapped for a link to a file outside the folder, without reading it', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const outside = join(tempDir(), 'ailleurs.jpg');
    writeFileSync(outside, await corpus.smallDocument('Hors du dossier'));
    let release!: () => void;
    const held = scan.queue.serial(() => new Promise<void>((resolve) => (release = resolve)));
    const path = join(folder, 'piege.jpg');
    writeFileSync(path, await corpus.smallDocument('Dans le dossier'));
    // Quiet window passed: the file waits its turn behind the held job.
    await pause(3_000);
    unlinkSync(path);
    symlinkSync(outside, path);
    release();
    await held;
    await eventually(() => scan.list(session).waiting.some((file) => file.message.includes('lien symbolique')));
    expect(scan.list(session).imports).toEqual([]);
    expect(scan.list(session).waiting).toHaveLength(1);
  });

  it('refuses a queued file swapped for a named pipe without blocking, and the next file still arrives', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    let release!: () => void;
    const held = scan.queue.serial(() => new Promise<void>((resolve) => (release = resolve)));
    const path = join(folder, 'tuyau.jpg');
    writeFileSync(path, await corpus.smallDocument('Avant le tuyau'));
    await pause(3_000);
    unlinkSync(path);
    execFileSync('mkfifo', [path]); // nobody ever writes into it
    release();
    await held;
    await eventually(() => scan.list(session).waiting.some((file) => file.message.includes("n'est pas un fichier")));
    writeFileSync(join(folder, 'suivant.jpg'), await corpus.smallDocument('Suivant'));
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).imports[0]!.label).toBe('suivant.jpg');
  });

  it('reports a folder that disappears and recovers when it comes back', async () => {
    const { services, scan, folder, events } = await watchedStation();
    const session = startSession(services);
    const away = `${folder}-ailleurs`;
    renameSync(folder, away);
    await eventually(() => scan.folderStatus().state === 'missing');
    expect(scan.folderStatus().message).toContain('introuvable');
    expect(
      events.some((event) => event.name === 'scan.folder' && (event.payload as { state: string }).state === 'missing'),
    ).toBe(true);
    renameSync(away, folder);
    await eventually(() => scan.folderStatus().state === 'watching');
    writeFileSync(join(folder, 'apres.jpg'), await corpus.smallDocument('Après retour'));
    await eventually(() => scan.list(session).imports.length === 1);
  });

  it('watches the new folder when the folder is deleted and created again within one check', async () => {
    const { services, scan, folder, events } = await watchedStation();
    const session = startSession(services);
    const states = () => events.filter((event) => event.name === 'scan.folder').length;
    const before = states();
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    // The watcher found out and started again on the new folder ('missing', then 'watching').
    await eventually(() => states() >= before + 2 && scan.folderStatus().state === 'watching');
    writeFileSync(join(folder, 'nouveau-dossier.jpg'), await corpus.smallDocument('Dossier recréé'));
    await eventually(() => scan.list(session).imports.length === 1, 20_000);
  });

  it('follows the référent changing the scan folder, as soon as it is saved', async () => {
    const { services, scan } = await watchedStation();
    const session = startSession(services);
    const other = join(tempDir(), 'nouveau-dossier');
    mkdirSync(other);
    services.config.setSection('scan', { ...services.config.section('scan'), folder: other });
    await eventually(() => scan.folderStatus().folder === other && scan.folderStatus().state === 'watching', 1_500);
    writeFileSync(join(other, 'nouveau.jpg'), await corpus.smallDocument('Nouveau dossier'));
    await eventually(() => scan.list(session).imports.length === 1);
  });

  it('works with polling, for network shares', async () => {
    const { services, scan, folder } = await watchedStation({ usePolling: true });
    const session = startSession(services);
    writeFileSync(join(folder, 'partage.jpg'), await corpus.smallDocument('Partage'));
    await eventually(() => scan.list(session).imports.length === 1, 20_000);
  });
});
