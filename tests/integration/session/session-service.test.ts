import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterFault } from '../../../main/errors';
import { useTempDir } from '../../helpers/temp-dir';
import { makeUndeletable } from '../../helpers/undeletable';
import { CAMILLE, openStation, type TestStation } from './station';

const tempDir = useTempDir('pn-session-');
const opened: TestStation[] = [];
const held: Array<{ release(): void }> = [];
afterEach(() => {
  for (const folder of held.splice(0)) folder.release();
  for (const station of opened.splice(0)) station.services.close();
});

function station(dataDir = tempDir(), options?: { desktop?: boolean }) {
  const s = openStation(dataDir, options);
  opened.push(s);
  return s;
}

describe('accompaniment session', () => {
  it('starts one session at a time, with its encrypted workspace', async () => {
    const { services } = station();
    const session = services.sessions.start(CAMILLE);
    const id = await session.workspace.put(Buffer.from('pièce justificative'));
    expect((await session.workspace.read(id)).toString()).toBe('pièce justificative');
    expect(() => services.sessions.start(CAMILLE)).toThrow(CounterFault);
    expect(services.journal.list({ code: 'session.opened' })).toHaveLength(1);
  });

  it('ends with a wipe: workspace gone, key forgotten, renderer replaced, report journaled as figures', async () => {
    const s = station();
    const { services } = s;
    const session = services.sessions.start(CAMILLE);
    await session.workspace.put(Buffer.alloc(1000, 1));
    await session.workspace.put(Buffer.alloc(2000, 2));
    const report = await services.sessions.end('ended');
    expect(report).toMatchObject({
      reason: 'ended',
      status: 'completed',
      removed: { workspaceFiles: 2, walCheckpointed: true, renderer: 'process' },
      verification: { ok: true, leftovers: 0 },
      problems: [],
    });
    expect(report!.removed.workspaceBytes).toBe(2 * 28 + 3000);
    expect(existsSync(session.workspace.dir)).toBe(false);
    await expect(session.workspace.read('00000000-0000-0000-0000-000000000000')).rejects.toThrow();
    expect(services.sessions.current()).toBeNull();
    expect(s.renderersReplaced).toBe(1);
    const journaled = services.journal.list({ code: 'wipe.completed' })[0]!;
    expect(journaled.details).toMatchObject({ reason: 'ended', files: 2, leftovers: 0, verified: true });
    expect(JSON.stringify(journaled.details)).not.toContain(session.id);
    expect(s.events.map((e) => e.name)).toContain('session.ended');
    expect(services.sessions.recentWipe()?.status).toBe('completed');
  });

  it('asks the browser renderer to reload itself, since the web host cannot replace it', async () => {
    const s = station(undefined, { desktop: false });
    s.services.sessions.start(CAMILLE);
    const report = await s.services.sessions.end('ended');
    expect(report!.removed.renderer).toBe('reload');
    expect(s.events.find((e) => e.name === 'session.ended')!.payload).toMatchObject({ reload: true });
  });

  it('lets every capability persist first, then clear, in the order they joined', async () => {
    const { services } = station();
    const order: string[] = [];
    services.sessions.join({
      name: 'test-survey',
      persist: () => void order.push('survey.persist'),
      clear: () => void order.push('survey.clear'),
    });
    services.sessions.join({
      name: 'test-downloads',
      persist: async () => void order.push('downloads.persist'),
      clear: async () => {
        order.push('downloads.clear');
        return { files: 2 };
      },
    });
    services.sessions.start(CAMILLE);
    const report = await services.sessions.end('ended');
    expect(order).toEqual(['survey.persist', 'downloads.persist', 'survey.clear', 'downloads.clear']);
    expect(report!.removed.participants).toEqual(expect.arrayContaining(['test-survey', 'test-downloads']));
    expect(report!.removed.figures).toMatchObject({ 'test-downloads.files': 2 });
  });

  it('retries a step that fails, and the wipe completes', async () => {
    const { services } = station();
    let tries = 0;
    services.sessions.join({
      name: 'test-site',
      clear: () => {
        if (++tries < 3) throw new Error('partition busy');
      },
    });
    services.sessions.start(CAMILLE);
    const report = await services.sessions.end('ended');
    expect(report!.status).toBe('completed');
    expect(report!.steps.find((step) => step.name === 'clear:test-site')).toMatchObject({ ok: true, attempts: 3 });
  });

  it('tells the mediator in French what could not be cleared, and still removes the workspace', async () => {
    const { services } = station();
    services.sessions.join({
      name: 'test-site',
      label: 'le site officiel (connexion, cookies, historique)',
      clear: () => {
        throw new Error('partition refuses');
      },
    });
    const session = services.sessions.start(CAMILLE);
    await session.workspace.put(Buffer.from('x'));
    const report = await services.sessions.end('ended');
    expect(report!.status).toBe('failed');
    expect(report!.problems.join(' ')).toContain(
      'Effacement incomplet : le site officiel (connexion, cookies, historique)',
    );
    expect(report!.steps.find((step) => step.name === 'clear:test-site')).toMatchObject({ ok: false, attempts: 3 });
    expect(existsSync(session.workspace.dir)).toBe(false);
    expect(services.sessions.current()).toBeNull();
    expect(services.journal.list({ code: 'wipe.failed' })[0]!.details).toMatchObject({ failedSteps: 1 });
  });

  it('reports a workspace folder it cannot delete, and removes it at the next start once released', async () => {
    const dataDir = tempDir();
    const { services } = station(dataDir);
    const session = services.sessions.start(CAMILLE);
    await session.workspace.put(Buffer.from('pièce'));
    // Another program left a folder in the workspace that Node cannot remove (tests/helpers/undeletable.ts).
    const locked = makeUndeletable(session.workspace.dir, 'verrou');
    held.push(locked);
    const report = await services.sessions.end('ended');
    expect(report!.status).toBe('failed');
    expect(report!.verification).toMatchObject({ ok: false });
    expect(report!.verification.leftovers).toBeGreaterThan(0);
    const problem = report!.problems.join(' ');
    expect(problem).toContain("n'a pas pu être effacé");
    expect(problem).toContain(`sessions/${session.id}`);
    expect(report!.steps.find((step) => step.name === 'workspace')).toMatchObject({ ok: false, attempts: 3 });
    expect(services.sessions.current()).toBeNull();
    expect(existsSync(session.workspace.dir)).toBe(true);

    locked.release();
    held.pop();
    services.sessions.start(CAMILLE);
    expect(existsSync(session.workspace.dir)).toBe(false);
  });

  it('finds and removes a file of the session left elsewhere in the data dir (named with its id)', async () => {
    const dataDir = tempDir();
    const { services } = station(dataDir);
    const session = services.sessions.start(CAMILLE);
    mkdirSync(join(dataDir, 'tmp'), { recursive: true });
    const stray = join(dataDir, 'tmp', `${session.id}-telechargement.part`);
    writeFileSync(stray, 'octets chiffrés');
    const report = await services.sessions.end('ended');
    expect(existsSync(stray)).toBe(false);
    expect(report!.status).toBe('completed');
    expect(report!.steps.find((step) => step.name === 'leftovers')).toMatchObject({ ok: true, attempts: 1 });
    expect(report!.verification).toMatchObject({ ok: true, leftovers: 0 });
  });

  it('shares one wipe between two triggers that come at once', async () => {
    const { services } = station();
    let clears = 0;
    services.sessions.join({ name: 'scan', clear: () => void clears++ });
    services.sessions.start(CAMILLE);
    const [a, b] = await Promise.all([services.sessions.end('signed_out'), services.sessions.end('idle')]);
    expect(a).toBe(b);
    expect(clears).toBe(1);
    expect(await services.sessions.end('ended')).toBeNull();
  });

  it('empties the clipboard when it holds text copied during the session, not otherwise', async () => {
    const s = station();
    s.clipboard.text = 'avant';
    s.services.sessions.start(CAMILLE);
    expect((await s.services.sessions.end('ended'))!.removed.clipboardCleared).toBe(false);
    expect(s.clipboard.text).toBe('avant');

    s.services.sessions.start(CAMILLE);
    s.clipboard.text = '24AB12345 numéro copié';
    expect((await s.services.sessions.end('ended'))!.removed.clipboardCleared).toBe(true);
    expect(s.clipboard.text).toBe('');
  });

  it('warns after 9 quiet minutes and wipes at 10, with the fake clock', async () => {
    const s = station();
    s.services.sessions.start(CAMILLE);
    s.clock.advance(5 * 60_000);
    s.services.sessions.touch();
    s.clock.advance(9 * 60_000);
    expect(s.events.at(-1)).toEqual({ name: 'session.idleWarning', payload: { secondsLeft: 60, dismissed: false } });
    expect(s.services.sessions.idleSecondsLeft()).toBe(60);
    s.services.sessions.extend();
    expect(s.events.at(-1)).toMatchObject({ name: 'session.idleWarning', payload: { dismissed: true } });
    s.clock.advance(10 * 60_000);
    await s.services.sessions.settled();
    expect(s.services.sessions.current()).toBeNull();
    expect(s.services.sessions.recentWipe()?.reason).toBe('idle');
    expect(s.services.journal.list({ code: 'session.idle_timeout' })).toHaveLength(1);
  });

  it('reads the idle time from the station configuration', async () => {
    const s = station();
    s.services.config.setSection('session', { idleMinutes: 3, idleWarningSeconds: 30 });
    s.services.sessions.start(CAMILLE);
    s.clock.advance(150_000);
    expect(s.events.at(-1)).toMatchObject({ payload: { secondsLeft: 30 } });
    s.clock.advance(30_000);
    await s.services.sessions.settled();
    expect(s.services.sessions.current()).toBeNull();
  });

  it('refuses an idle time under 3 minutes, and warns for at most a third of it', async () => {
    const s = station();
    expect(() => s.services.config.setSection('session', { idleMinutes: 1 })).toThrow();
    expect(() => s.services.config.setSection('session', { idleMinutes: 2 })).toThrow();
    s.services.config.setSection('session', { idleMinutes: 3, idleWarningSeconds: 300 });
    s.services.sessions.start(CAMILLE);
    expect(s.services.sessions.info()).toMatchObject({ idleMinutes: 3, idleWarningSeconds: 60 });
    // Two quiet minutes, then a 60-second warning (not 300 s, which would show it at once).
    s.clock.advance(119_000);
    expect(s.events.filter((e) => e.name === 'session.idleWarning')).toEqual([]);
    s.clock.advance(1_000);
    expect(s.events.at(-1)).toEqual({ name: 'session.idleWarning', payload: { secondsLeft: 60, dismissed: false } });
    // "L'usager est toujours là": the warning does not come back before two more quiet minutes.
    s.clock.advance(10_000);
    s.services.sessions.extend();
    const warnings = () =>
      s.events.filter((e) => e.name === 'session.idleWarning' && !(e.payload as { dismissed: boolean }).dismissed);
    const shown = warnings().length;
    s.clock.advance(119_000);
    expect(warnings()).toHaveLength(shown);
    expect(s.services.sessions.current()).not.toBeNull();
    s.clock.advance(1_000);
    expect(warnings()).toHaveLength(shown + 1);
  });

  it('deletes at start-up the session folders a crash left behind, and journals it', () => {
    const dataDir = tempDir();
    const leftover = join(dataDir, 'sessions', '5b0c3c1e-0000-4000-8000-000000000000');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'a.bin'), 'chiffré');
    writeFileSync(join(leftover, 'b.bin'), 'chiffré');
    const s = station(dataDir);
    const { services } = s;
    expect(readdirSync(join(dataDir, 'sessions'))).toEqual([]);
    expect(services.journal.list({ code: 'wipe.startup_leftover' })[0]!.details).toMatchObject({
      when: 'startup',
      folders: 1,
      files: 2,
      failed: 0,
    });
    // The home screen says so, with the report, until the next accompaniment starts (not only for 5 minutes).
    const shown = {
      reason: 'startup',
      status: 'completed',
      removed: { workspaceFiles: 2, workspaceBytes: 16 },
      verification: { ok: true, leftovers: 0 },
      problems: [],
    };
    expect(services.sessions.recentWipe()).toMatchObject(shown);
    s.clock.advance(60 * 60_000);
    expect(services.sessions.recentWipe()).toMatchObject(shown);
    services.sessions.start(CAMILLE);
    expect(services.sessions.recentWipe()).toBeNull();
  });

  it('says nothing at start-up when no session was left behind', () => {
    const { services } = station();
    expect(services.sessions.recentWipe()).toBeNull();
  });
});
