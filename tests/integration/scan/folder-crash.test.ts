import { existsSync, readdirSync, readFileSync, renameSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/services';
import { wipeSummary } from '../../../renderer/src/features/session/wipe-summary';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';
import { alive, killLeftoverVictims, startVictim } from '../../helpers/victim';
import { scanForCanaries, sessionLeftovers } from '../session/canary';
import { eventually } from './station';

const tempDir = useTempDir('pn-folder-crash-');
let restarted: Services | undefined;
afterEach(async () => {
  killLeftoverVictims();
  await restarted?.scan.close();
  restarted?.close();
  restarted = undefined;
});

describe('a crash during an accompaniment, with scans in the watched folder', () => {
  it("the next start deletes the usager's scans from the folder, only those, and counts them", async () => {
    const dataDir = tempDir();
    const scanFolder = tempDir();
    seedStation(dataDir);
    // There before the accompaniment (the previous day's paper): the mediator decides, the sweep never touches it.
    const before = join(scanFolder, 'avant-accompagnement.jpg');
    writeFileSync(before, Buffer.alloc(2000, 3));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(before, anHourAgo, anHourAgo);

    const victim = startVictim<{ workspaceDir: string; pid: number }>(
      join(__dirname, 'folder-crash-child.ts'),
      [dataDir],
      JSON.stringify({
        scanFolder,
        refused: ['usager-carte-vitale.jpg', 'usager-echange.jpg', 'usager-remplace.jpg'],
        arriving: 'usager-avis-impot.jpg',
      }),
    );
    const { workspaceDir, pid } = await victim.ready;
    expect(readdirSync(scanFolder).sort()).toEqual([
      'avant-accompagnement.jpg',
      'usager-avis-impot.jpg',
      'usager-carte-vitale.jpg',
      'usager-echange.jpg',
      'usager-remplace.jpg',
    ]);
    // What the station keeps about them in its workspace names none of them.
    expect(scanForCanaries(workspaceDir, ['usager-', 'carte-vitale', 'avis-impot'])).toEqual([]);

    await victim.kill();
    expect(alive(pid)).toBe(false);
    expect(existsSync(workspaceDir)).toBe(true);

    // After the crash, other scans take the names of two of the usager's: one deleted then written again (ext4 gives
    // the freed inode number straight back), one written aside then renamed over it.
    const swapped = join(scanFolder, 'usager-echange.jpg');
    unlinkSync(swapped);
    writeFileSync(swapped, Buffer.alloc(4000, 9));
    const replaced = join(scanFolder, 'usager-remplace.jpg');
    writeFileSync(join(scanFolder, '.incoming'), Buffer.alloc(5000, 8));
    renameSync(join(scanFolder, '.incoming'), replaced);
    // Written a while before the next accompaniment (not in the second before it, which counts as that session's).
    const fiveMinutesAgo = new Date(Date.now() - 300_000);
    for (const path of [swapped, replaced]) utimesSync(path, fiveMinutesAgo, fiveMinutesAgo);

    restarted = openTestStation(dataDir);
    // The start-up sweep is synchronous: done before the first screen is served.
    expect(readdirSync(scanFolder).sort()).toEqual([
      'avant-accompagnement.jpg',
      'usager-echange.jpg',
      'usager-remplace.jpg',
    ]);
    expect(readFileSync(swapped)).toEqual(Buffer.alloc(4000, 9));
    expect(readFileSync(replaced)).toEqual(Buffer.alloc(5000, 8));
    expect(readFileSync(before)).toEqual(Buffer.alloc(2000, 3));
    expect(existsSync(workspaceDir)).toBe(false);
    expect(sessionLeftovers(dataDir)).toEqual([]);

    const report = restarted.sessions.recentWipe()!;
    expect(report).toMatchObject({ reason: 'startup', status: 'completed', problems: [] });
    expect(report.removed.figures['scan.files']).toBe(2);
    expect(report.removed.files).toBe(report.removed.workspaceFiles + 2);
    expect(report.removed.bytes).toBeGreaterThan(report.removed.workspaceBytes + 3000);
    expect(wipeSummary(report)).toContain('2 fichiers scannés');
    expect(restarted.journal.list({ code: 'wipe.startup_leftover' })[0]?.details).toMatchObject({ outsideFiles: 2 });

    // The next accompaniment holds what is left without a name: it may be anybody's.
    await restarted.access.signIn('Camille', '482915');
    const next = restarted.sessions.start({ id: null, pseudonym: 'Camille' });
    const waiting = await eventually(() => {
      const list = restarted!.scan.list(next).waiting;
      return list.length === 3 ? list : null;
    });
    expect(waiting.map((file) => [file.why, file.name])).toEqual([
      ['before_session', null],
      ['before_session', null],
      ['before_session', null],
    ]);
  }, 40_000);
});
