import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderArrivals, ARRIVALS_FILE } from '../../../main/scan/folder-arrivals';
import { FOLDER_UNREACHABLE, LIST_DAMAGED, scanFolderLeftovers } from '../../../main/scan/folder-leftovers';
import type { Services } from '../../../main/services';
import { startupSweepReport, sweepLeftoverSessions } from '../../../main/session/leftovers';
import { ActiveSession, sessionsDir } from '../../../main/session/session';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';
import { sessionLeftovers } from '../session/canary';

const tempDir = useTempDir('pn-folder-leftovers-');
let station: Services | undefined;
afterEach(async () => {
  await station?.scan.close();
  station?.close();
  station = undefined;
});

/** A session that saw `names` arrive in the scan folder, written down by the real intake's list, then left behind. */
async function crashedSession(dataDir: string, folder: string, names: string[]) {
  const session = new ActiveSession({ id: null, pseudonym: 'Camille' }, new Date(), sessionsDir(dataDir));
  const arrivals = new FolderArrivals();
  for (const name of names) {
    writeFileSync(join(folder, name), Buffer.alloc(1000, name.length));
    await arrivals.arrived(session, join(folder, name));
  }
  await session.workspace.put(Buffer.from('pièce chiffrée'));
  session.workspace.forgetKey(); // the process died: only what is on disk remains
  return { session, list: join(session.workspace.dir, ARRIVALS_FILE) };
}

describe("the start-up sweep of a crashed session's scans", () => {
  it('a list cut short by the crash: its whole lines still count, the mediator is told to check the folder', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const { list, session } = await crashedSession(dataDir, folder, ['cni-recto.jpg', 'cni-verso.jpg']);
    writeFileSync(join(folder, 'dernier-scan.jpg'), Buffer.alloc(900, 1));
    appendFileSync(list, 'pas une ligne\n66306 21'); // a stray line, then the line the crash cut

    const sweep = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => folder)]);
    expect(readdirSync(folder)).toEqual(['dernier-scan.jpg']); // not on the list: held, for the mediator
    expect(existsSync(session.workspace.dir)).toBe(false);
    const report = startupSweepReport(sweep, 5, new Date());
    expect(report.removed.figures).toMatchObject({ folders: 1, 'scan.files': 2, 'scan.bytes': 2000 });
    // The workspace's encrypted pièce and the two scans; the list itself is not one of the session's files.
    expect(report.removed).toMatchObject({ files: 3, workspaceFiles: 1, bytes: 2000 + report.removed.workspaceBytes });
    expect(report.status).toBe('failed');
    expect(report.problems).toEqual([LIST_DAMAGED]);
    expect(LIST_DAMAGED).toContain('ouvrez ce dossier et supprimez-le');
  });

  it('a list that is a folder, a named pipe or 2 MB of noise neither blocks nor stops the start', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    seedStation(dataDir);
    const setup = openTestStation(dataDir);
    setup.config.setSection('scan', { ...setup.config.section('scan'), folder });
    await setup.scan.applyConfig();
    await setup.scan.close();
    setup.close();
    const before = join(folder, 'deja-la.pdf');
    writeFileSync(before, Buffer.alloc(500, 2));
    const lists: string[] = [];
    for (let i = 0; i < 3; i++) lists.push((await crashedSession(dataDir, folder, [])).session.workspace.dir);
    mkdirSync(join(lists[0]!, ARRIVALS_FILE));
    execFileSync('mkfifo', [join(lists[1]!, ARRIVALS_FILE)]); // nobody ever writes into it
    writeFileSync(join(lists[2]!, ARRIVALS_FILE), Buffer.alloc(2 * 1024 * 1024, '7 '));

    station = openTestStation(dataDir); // returns: the pipe was not waited on
    expect(sessionLeftovers(dataDir)).toEqual([]);
    expect(readdirSync(folder)).toEqual(['deja-la.pdf']);
    const report = station.sessions.recentWipe()!;
    expect(report).toMatchObject({ reason: 'startup', status: 'failed', problems: [LIST_DAMAGED] });
    expect(report.removed.figures).toMatchObject({ folders: 3, 'scan.files': 0 });
    expect(station.journal.list({ code: 'wipe.startup_leftover' })[0]?.details).toMatchObject({
      folders: 3,
      outsideFiles: 0,
      problems: 1,
    });
  });

  it('never through a link, never in a subfolder, never outside the folder', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const elsewhere = tempDir();
    await crashedSession(dataDir, folder, ['range.jpg', 'sorti.jpg', 'usager.jpg']);
    // Moved (same file) into a subfolder, and out of the folder with a link left in its place.
    mkdirSync(join(folder, 'classement'));
    renameSync(join(folder, 'range.jpg'), join(folder, 'classement', 'range.jpg'));
    renameSync(join(folder, 'sorti.jpg'), join(elsewhere, 'sorti.jpg'));
    symlinkSync(join(elsewhere, 'sorti.jpg'), join(folder, 'sorti.jpg'));

    const sweep = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => folder)]);
    expect(readdirSync(folder).sort()).toEqual(['classement', 'sorti.jpg']);
    expect(readdirSync(join(folder, 'classement'))).toEqual(['range.jpg']);
    expect(readdirSync(elsewhere)).toEqual(['sorti.jpg']);
    expect(sweep.outside).toEqual({ 'scan.files': 1, 'scan.bytes': 1000 });
    expect(sweep.problems).toEqual([]);
  });

  it('a scan folder not there yet (a share mounted after the station started): the list waits for the next sweep', async () => {
    const dataDir = tempDir();
    const parent = tempDir();
    const folder = join(parent, 'partage');
    mkdirSync(folder);
    const { session } = await crashedSession(dataDir, folder, ['usager.jpg']);
    const away = join(parent, 'pas-encore-monte');
    renameSync(folder, away);

    const first = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => folder)]);
    expect(first.problems).toEqual([FOLDER_UNREACHABLE]);
    expect(first.outside).toEqual({ 'scan.files': 0, 'scan.bytes': 0 });
    expect(first.failed).toEqual([]);
    // The encrypted files went; only the list of identities stays, for the next try.
    expect(readdirSync(session.workspace.dir)).toEqual([ARRIVALS_FILE]);
    expect(first.files).toBeGreaterThanOrEqual(1);

    renameSync(away, folder); // the share is back
    const second = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => folder)]);
    expect(second.problems).toEqual([]);
    expect(second.outside).toEqual({ 'scan.files': 1, 'scan.bytes': 1000 });
    expect(second.files).toBe(0); // the list is not one of the session's files
    expect(readdirSync(folder)).toEqual([]);
    expect(sessionLeftovers(dataDir)).toEqual([]);
  });

  it('no scan folder set, or a configuration that cannot be read: the start goes on, the mediator is told', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const { session } = await crashedSession(dataDir, folder, ['usager.jpg']);
    const unset = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => null)]);
    expect(unset.problems).toEqual([FOLDER_UNREACHABLE]);
    expect(existsSync(session.workspace.dir)).toBe(false); // nothing to wait for: no folder to come back
    const other = await crashedSession(dataDir, folder, ['autre.jpg']);
    const throwing = sweepLeftoverSessions(dataDir, [
      scanFolderLeftovers(() => {
        throw new Error('configuration illisible');
      }),
    ]);
    expect(throwing.problems).toEqual([FOLDER_UNREACHABLE]);
    expect(existsSync(other.session.workspace.dir)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(['autre.jpg', 'usager.jpg']); // held at the next session, unnamed
  });
});
