import { afterEach, describe, expect, it } from 'vitest';
import { seedStation } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { dispatcher } from './canary';
import { openStation, type TestStation } from './station';

const tempDir = useTempDir('pn-session-channels-');
const opened: TestStation[] = [];
afterEach(() => {
  for (const station of opened.splice(0)) station.services.close();
});

function open() {
  const dataDir = tempDir();
  seedStation(dataDir);
  const station = openStation(dataDir);
  opened.push(station);
  return { station, dispatch: dispatcher(station.services) };
}
const web = { transport: 'web' as const };

describe('session channels', () => {
  it('refuses to start an accompaniment when no mediator is signed in, in French', async () => {
    const { dispatch } = open();
    const result = await dispatch('session.start', undefined, web);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    if (!result.ok) expect(result.error.message).toContain('Connectez-vous');
  });

  it('starts for the signed-in mediator, reports activity, extends, and ends with the report', async () => {
    const { station, dispatch } = open();
    await station.services.access.signIn('Camille', '482915');
    const started = await dispatch('session.start', undefined, web);
    expect(started).toMatchObject({
      ok: true,
      value: { mediator: 'Camille', idleMinutes: 10, idleWarningSeconds: 60 },
    });
    expect(await dispatch('session.current', undefined, web)).toMatchObject({
      ok: true,
      value: { session: { mediator: 'Camille' }, mediator: { pseudonym: 'Camille' }, idleWarning: null },
    });

    station.clock.advance(9 * 60_000);
    expect(await dispatch('session.current', undefined, web)).toMatchObject({
      value: { idleWarning: { secondsLeft: 60 } },
    });
    expect(await dispatch('session.extend', undefined, web)).toEqual({ ok: true, value: { ok: true } });
    station.clock.advance(8 * 60_000);
    expect(await dispatch('session.activity', undefined, web)).toEqual({ ok: true, value: { ok: true } });
    station.clock.advance(8 * 60_000);
    expect(station.services.sessions.current()).not.toBeNull();

    const ended = await dispatch('session.end', { reason: 'ended' }, web);
    expect(ended).toMatchObject({ ok: true, value: { status: 'completed', reason: 'ended' } });
    expect(await dispatch('session.current', undefined, web)).toMatchObject({
      value: { session: null, lastWipe: { status: 'completed' } },
    });
    expect(await dispatch('session.end', { reason: 'ended' }, web)).toEqual({ ok: true, value: null });
  });

  it('keeps the session id, file paths and names out of the journal', async () => {
    const { station } = open();
    const session = station.services.sessions.start({ id: 1, pseudonym: 'Camille' });
    await session.workspace.put(Buffer.from('x'));
    await station.services.sessions.end('ended');
    const journal = JSON.stringify(station.services.journal.list());
    expect(journal).not.toContain(session.id);
    expect(journal).not.toContain('sessions/');
  });

  it('lets a capability report what it still holds, and the wipe fails on it', async () => {
    const { station } = open();
    station.services.sessions.join({ name: 'test-partition', verify: () => ['cookies'] });
    station.services.sessions.start({ id: 1, pseudonym: 'Camille' });
    const report = await station.services.sessions.end('ended');
    expect(report).toMatchObject({ status: 'failed', verification: { ok: false, leftovers: 1 } });
    expect(report!.problems.join(' ')).toContain('« test-partition »');
    expect(report!.problems.join(' ')).toContain('(cookies)');
  });
});
