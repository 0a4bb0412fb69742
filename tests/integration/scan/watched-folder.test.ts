import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';
import { eventually, openScanStation, startSession, type ScanStation } from './station';

const tempDir = useTempDir('pn-scan-folder-');
const opened: ScanStation[] = [];
const immutable: string[] = [];
afterEach(async () => {
  for (const path of immutable.splice(0)) execFileSync('chattr', ['-i', path]);
  for (const station of opened.splice(0)) await station.close();
});

async function watchedStation(options: { usePolling?: boolean } = {}) {
  const folder = join(tempDir(), 'scans');
  mkdirSync(folder);
  const station = await openScanStation(tempDir(), { folder, usePolling: options.usePolling ?? false });
  opened.push(station);
  const scan = station.services.scan;
  await eventually(() => scan.folderStatus().state === 'watching');
  return { ...station, folder, scan };
}

describe('the watched scan folder (real folder, real chokidar)', () => {
  it('imports a scan written into the folder during a session, then deletes the original', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const bytes = await corpus.smallDocument('Scan du jour');
    writeFileSync(join(folder, 'SCAN_0001.jpg'), bytes);
    await eventually(() => scan.list(session).imports.length === 1);
    const [item] = scan.list(session).imports;
    expect(item).toMatchObject({ label: 'SCAN_0001.jpg', source: 'folder', status: 'ready' });
    await eventually(() => !existsSync(join(folder, 'SCAN_0001.jpg')));
  });

  it('shows a folder file whose name holds control characters under a safe name', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    writeFileSync(join(folder, 'scan\u0007\nrecto\\verso.jpg'), await corpus.smallDocument('Nom bizarre'));
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).imports[0]!.label).toBe('verso.jpg');
  });

  it('waits for a file still being written before importing it', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const bytes = await corpus.smallDocument('Long à écrire');
    const path = join(folder, 'lent.jpg');
    const fd = openSync(path, 'w');
    const half = Math.floor(bytes.length / 2);
    writeSync(fd, bytes, 0, half);
    await new Promise((resolve) => setTimeout(resolve, 700));
    writeSync(fd, bytes, half, bytes.length - half);
    closeSync(fd);
    await eventually(() => scan.list(session).imports.length === 1);
    expect(scan.list(session).refusals).toEqual([]);
  });

  it('never attaches a file that was already in the folder when the session started', async () => {
    const { services, scan, folder } = await watchedStation();
    writeFileSync(join(folder, 'ancien.jpg'), await corpus.smallDocument('Usager précédent'));
    writeFileSync(join(folder, 'autre-ancien.jpg'), await corpus.smallDocument('Usager précédent 2'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const session = startSession(services);
    await eventually(() => scan.list(session).waiting.length === 2);
    const waiting = scan.list(session).waiting;
    expect(waiting.every((file) => file.why === 'before_session')).toBe(true);
    expect(waiting[0]!.message).toContain('usager précédent');
    expect(scan.list(session).imports).toEqual([]);

    const first = waiting.find((file) => file.name === 'ancien.jpg')!;
    const second = waiting.find((file) => file.name === 'autre-ancien.jpg')!;
    const outcome = await scan.importWaiting(session, first.id, { pieceId: 'identite' });
    expect(outcome.imported).toHaveLength(1);
    expect(existsSync(join(folder, 'ancien.jpg'))).toBe(false);
    await scan.deleteWaiting(second.id);
    expect(existsSync(join(folder, 'autre-ancien.jpg'))).toBe(false);
    expect(scan.list(session).waiting).toEqual([]);
  });

  it('lists a file left in the folder at the end of a session as waiting for the next one', async () => {
    const { services, scan, folder } = await watchedStation();
    const first = startSession(services);
    symlinkSync('/etc/hostname', join(folder, 'lien.jpg'));
    await eventually(() => scan.list(first).waiting.length === 1);
    expect(scan.list(first).waiting[0]).toMatchObject({ why: 'refused', name: 'lien.jpg' });
    expect(scan.list(first).waiting[0]!.message).toContain('lien symbolique');
    await services.sessions.end('ended');
    const next = startSession(services);
    expect(scan.list(next).imports).toEqual([]);
    expect(scan.list(next).waiting).toHaveLength(1);
  });

  it('keeps a refused file in the folder, listed with its reason, and the good ones still arrive', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    writeFileSync(join(folder, 'corrompu.jpg'), corpus.corruptJpeg());
    writeFileSync(join(folder, 'vide.jpg'), Buffer.alloc(0));
    writeFileSync(join(folder, 'bon.jpg'), await corpus.smallDocument('Bon'));
    await eventually(() => scan.list(session).imports.length === 1 && scan.list(session).waiting.length === 2);
    const reasons = scan
      .list(session)
      .waiting.map((file) => file.message)
      .join('\n');
    expect(reasons).toContain('« corrompu.jpg »');
    expect(reasons).toContain('« vide.jpg »');
    expect(existsSync(join(folder, 'corrompu.jpg'))).toBe(true);
  });

  it('tells the mediator when the original cannot be deleted from the folder', async () => {
    const { services, scan, folder } = await watchedStation();
    const session = startSession(services);
    const path = join(folder, 'colle.jpg');
    const staging = join(tempDir(), 'colle.jpg');
    writeFileSync(staging, await corpus.smallDocument('Collé'));
    execFileSync('chattr', ['+i', staging]);
    immutable.push(staging);
    // An immutable file cannot be moved in, so make the folder's copy immutable once written.
    writeFileSync(path, await corpus.smallDocument('Collé'));
    execFileSync('chattr', ['+i', path]);
    immutable.push(path);
    await eventually(() => scan.list(session).notices.length === 1);
    expect(scan.list(session).notices[0]!.message).toContain("n'a pas pu être supprimé");
    expect(services.journal.list({ code: 'scan.delete_failed' })).toHaveLength(1);
    expect(scan.list(session).imports).toHaveLength(1);
    // The folder comes and goes (the watcher reports every file again): the same original is not imported twice.
    await services.scan.close();
    await services.scan.applyConfig();
    await eventually(() => scan.folderStatus().state === 'watching');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(scan.list(session).imports).toHaveLength(1);
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

  it('follows the référent changing the scan folder', async () => {
    const { services, scan } = await watchedStation();
    const session = startSession(services);
    const other = join(tempDir(), 'nouveau-dossier');
    mkdirSync(other);
    services.config.setSection('scan', { ...services.config.section('scan'), folder: other });
    await eventually(() => scan.folderStatus().folder === other && scan.folderStatus().state === 'watching');
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
