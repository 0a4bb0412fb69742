import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../main/dispatch';
import { seedStation } from '../../helpers/seed-station';
import { mountSmallDisk, type SmallDisk } from '../../helpers/small-disk';
import { dispatcher } from './canary';
import { openStation, type TestStation } from './station';

/**
 * A real full disk (a small tmpfs holds the whole data dir): every write the counter asks for is either done in full
 * or refused with "Le disque de ce poste est plein…" and nothing changed; the session's anonymous log entry is
 * written once the wipe has freed the workspace, and kept for later when even that is not enough.
 */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch {
      // already closed by the test
    }
  }
});

interface FullStation {
  disk: SmallDisk;
  station: TestStation;
  call: (
    channel: string,
    input?: unknown,
  ) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
}

async function signedInOnSmallDisk(skip: (reason: string) => void): Promise<FullStation | null> {
  const disk = mountSmallDisk();
  if (typeof disk === 'string') {
    skip(disk);
    return null;
  }
  cleanups.push(() => disk.unmount());
  seedStation(disk.dir);
  const station = openStation(disk.dir);
  cleanups.push(() => station.services.close());
  const dispatch: Dispatch = dispatcher(station.services);
  const call = (channel: string, input?: unknown) =>
    dispatch(channel, input, { transport: 'web' }) as ReturnType<FullStation['call']>;
  expect((await call('access.signIn', { pseudonym: 'Camille', pin: '482915' })).ok).toBe(true);
  return { disk, station, call };
}

const FULL = /^Le disque de ce poste est plein/;

function logEntries(station: TestStation): number {
  return (station.services.db.prepare('SELECT COUNT(*) AS n FROM survey_session').get() as { n: number }).n;
}

function journalCount(station: TestStation, code: string): number {
  return station.services.journal.list({ code: code as never }).length;
}

describe('full disk (a real small tmpfs as the data dir)', () => {
  it('session start is refused with the disk named, and nothing started: no session, no folder, no journal line', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, station, call } = full;
    const opened = journalCount(station, 'session.opened');
    disk.fill();
    const reply = await call('session.start');
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('disk_full');
    expect(reply.error?.message).toMatch(FULL);
    expect(station.services.sessions.current()).toBeNull();
    expect(readdirSync(join(disk.dir, 'sessions'))).toEqual([]);
    // A second try meets the same refusal, not "un accompagnement est déjà en cours".
    expect((await call('session.start')).error?.code).toBe('disk_full');
    disk.free();
    expect(journalCount(station, 'session.opened')).toBe(opened);
    expect((await call('session.start')).ok).toBe(true);
    expect(journalCount(station, 'session.opened')).toBe(opened + 1);
  });

  it('outcome, notes, draft and survey answers are kept whole in memory: a full disk refuses none of them', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, call } = full;
    expect((await call('session.start')).ok).toBe(true);
    const entry = (await call('flow.start', { demarcheId: 'permis-duplicata' })).value as { key: string };
    disk.fill();
    expect((await call('flow.setNotes', { key: entry.key, notes: 'rappeler lundi' })).ok).toBe(true);
    expect((await call('flow.setDraft', { key: entry.key, draft: { kind: 'deposee', numero: '24AB' } })).ok).toBe(true);
    const saved = await call('flow.setOutcome', { key: entry.key, outcome: { kind: 'deposee', numero: '24AB12345' } });
    expect(saved.ok, saved.error?.message).toBe(true);
    expect((await call('survey.begin')).ok).toBe(true);
    expect((await call('survey.answer', { question: 'accueil', answer: 'satisfait' })).ok).toBe(true);
    const [state] = (await call('flow.list')).value as Array<{ notes: string; outcome: unknown }>;
    expect(state).toMatchObject({ notes: 'rappeler lundi', outcome: { kind: 'deposee', numero: '24AB12345' } });
  });

  it('a configuration save is refused with the disk named, and nothing of it is stored', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, station, call } = full;
    expect((await call('access.signOut')).ok).toBe(true);
    expect((await call('access.referentSignIn', { pin: '24681357' })).ok).toBe(true);
    const before = station.services.config.get();
    const changes = journalCount(station, 'config.changed');
    disk.fill();
    const reply = await call('config.saveSections', {
      sections: { station: { name: 'Maison France Services du Nord' }, session: { idleMinutes: 7 } },
    });
    expect(reply.error?.code).toBe('disk_full');
    expect(reply.error?.message).toMatch(FULL);
    expect(station.services.config.get()).toEqual(before);
    expect(journalCount(station, 'config.changed')).toBe(changes);
  });

  it('the anonymous log entry is written after the wipe has deleted the workspace, which freed the space', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, station, call } = full;
    expect((await call('session.start')).ok).toBe(true);
    const session = station.services.sessions.require();
    // The usager's pièces take room on the disk (about 2 MB in the workspace) …
    for (let i = 0; i < 4; i++) await session.workspace.put(Buffer.alloc(512 * 1024, i));
    disk.fill(); // … and then nothing is left.
    const before = logEntries(station);
    const reply = await call('session.end', { reason: 'ended' });
    expect(reply.ok).toBe(true);
    const report = reply.value as { status: string; problems: string[] };
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('completed');
    expect(logEntries(station)).toBe(before + 1);
  });

  it('when even the wipe frees too little, the entry is kept in memory, said, and written at the next session start', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, station, call } = full;
    expect((await call('session.start')).ok).toBe(true);
    disk.fill(); // the workspace is empty: the wipe frees nothing
    const reply = await call('session.end', { reason: 'ended' });
    expect(reply.ok).toBe(true);
    const report = reply.value as { status: string; problems: string[] };
    expect(logEntries(station)).toBe(0);
    expect(report.problems.join('\n')).toMatch(/disque de ce poste est plein.*gardé en mémoire/s);
    // The usager's data is gone all the same.
    expect(readdirSync(join(disk.dir, 'sessions'))).toEqual([]);
    disk.free();
    expect((await call('session.start')).ok).toBe(true);
    expect(logEntries(station)).toBe(1);
    await call('session.end', { reason: 'ended' });
    expect(logEntries(station)).toBe(2);
  });

  it('a workspace file the disk could not take is not left half-written', async (context) => {
    const full = await signedInOnSmallDisk((reason) => context.skip(reason));
    if (!full) return;
    const { disk, station, call } = full;
    expect((await call('session.start')).ok).toBe(true);
    const session = station.services.sessions.require();
    writeFileSync(join(disk.dir, 'almost.bin'), Buffer.alloc(0));
    disk.fill();
    await expect(session.workspace.put(Buffer.alloc(256 * 1024, 7))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(session.workspace.dir)).toEqual([]);
  });
});
