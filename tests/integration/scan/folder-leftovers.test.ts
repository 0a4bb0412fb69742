import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
    expect(report.removed).toMatchObject({ files: 2, bytes: 2000, workspaceFiles: 0 }); // the list itself is not counted
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

  it('a scan folder that is not there (share lost): the start goes on, the mediator is told what to do', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await crashedSession(dataDir, folder, ['usager.jpg']);
    const gone = join(folder, 'partage-absent');

    const sweep = sweepLeftoverSessions(dataDir, [scanFolderLeftovers(() => gone)]);
    expect(sweep.problems).toEqual([FOLDER_UNREACHABLE]);
    expect(sweep.outside).toEqual({ 'scan.files': 0, 'scan.bytes': 0 });
    expect(sessionLeftovers(dataDir)).toEqual([]);
    const unset = await crashedSession(dataDir, folder, ['autre.jpg']);
    const throwing = sweepLeftoverSessions(dataDir, [
      scanFolderLeftovers(() => {
        throw new Error('configuration illisible');
      }),
    ]);
    expect(throwing.problems).toEqual([FOLDER_UNREACHABLE]);
    expect(existsSync(unset.session.workspace.dir)).toBe(false);
    rmSync(folder, { recursive: true, force: true });
  });
});
