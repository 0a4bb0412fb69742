/**
 * Issue 16: the référent area closes when it is left, when a mediator signs in, when an accompaniment starts and
 * after `session.referentIdleMinutes` without a référent call; the export "avec les codes" asks the PIN again.
 * Enforced by main: checked here through the real dispatcher and services.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_REFUSALS } from '../../../preload/api';
import { silentLogger } from '../../../main/log';
import { createServices } from '../../../main/services';
import { FakeClock } from '../../helpers/fake-clock';
import { DEFAULT_MEDIATOR, DEFAULT_REFERENT_PIN, seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { stationCall } from '../../helpers/station';

const tempDir = useTempDir();

function open(config?: Record<string, unknown>) {
  const dir = tempDir();
  seedStation(dir, { config });
  const clock = new FakeClock();
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: dir,
    platform: { transport: 'web', appVersion: 'test' },
    log: silentLogger,
    clock,
  });
  const call = stationCall(services);
  return { services, clock, call };
}

const closed = { ok: false, error: ACCESS_REFUSALS.referentClosed };
const reasons = (services: ReturnType<typeof open>['services']) =>
  services.journal.list({ code: 'referent.signed_out' }).map((entry) => entry.details.reason);

describe('the référent area', () => {
  it('closes when a mediator signs in', async () => {
    const { services, call } = open();
    expect((await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN })).ok).toBe(true);
    expect((await call('config.get')).ok).toBe(true);
    expect((await call('access.signIn', { pseudonym: 'Camille', pin: DEFAULT_MEDIATOR.pin })).ok).toBe(true);
    expect(await call('config.get')).toEqual(closed);
    expect(await call('journal.list', {})).toEqual(closed);
    expect(await call('access.status')).toMatchObject({ ok: true, value: { referent: { signedIn: false } } });
    expect(reasons(services)).toEqual(['mediator']);
    services.close();
  });

  it('is refused during an accompaniment, and stays closed after it', async () => {
    const { services, call } = open();
    expect((await call('access.signIn', { pseudonym: 'Camille', pin: DEFAULT_MEDIATOR.pin })).ok).toBe(true);
    // The référent opens the area while the mediator is signed in, then the mediator starts an accompaniment.
    expect((await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN })).ok).toBe(true);
    expect((await call('config.get')).ok).toBe(true);
    expect((await call('session.start')).ok).toBe(true);
    expect(await call('config.get')).toEqual({ ok: false, error: ACCESS_REFUSALS.referentDuringSession });
    expect(await call('config.export', { includePins: true, referentPin: DEFAULT_REFERENT_PIN })).toEqual({
      ok: false,
      error: ACCESS_REFUSALS.referentDuringSession,
    });
    // Not even the référent PIN opens it while the usager is there.
    expect(await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN })).toMatchObject({
      ok: false,
      error: { code: 'session_running' },
    });
    expect(reasons(services)).toEqual(['session']);
    expect((await call('session.end', { reason: 'ended' })).ok).toBe(true);
    expect(await call('config.get')).toEqual(closed);
    expect((await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN })).ok).toBe(true);
    expect((await call('config.get')).ok).toBe(true);
    services.close();
  });

  it('closes when it is left (the renderer calls access.referentSignOut)', async () => {
    const { services, call } = open();
    await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN });
    expect((await call('access.referentSignOut')).ok).toBe(true);
    expect(await call('config.get')).toEqual(closed);
    expect(reasons(services)).toEqual(['left']);
    services.close();
  });

  it('closes after 5 minutes without a référent call; activity on its screen keeps it open', async () => {
    const { services, clock, call } = open();
    await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN });
    clock.advance(4 * 60_000);
    expect((await call('access.referentActivity')).ok).toBe(true);
    clock.advance(4 * 60_000);
    expect((await call('config.get')).ok).toBe(true);
    clock.advance(5 * 60_000 + 1);
    expect(await call('config.get')).toEqual(closed);
    expect(await call('access.referentActivity')).toEqual(closed);
    expect(reasons(services)).toEqual(['idle']);
    services.close();
  });

  it('takes its idle delay from the configuration, at most 15 minutes', async () => {
    const { services, clock, call } = open({ session: { referentIdleMinutes: 12 } });
    await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN });
    clock.advance(12 * 60_000 - 1);
    expect((await call('config.listMediators')).ok).toBe(true);
    clock.advance(12 * 60_000 + 1);
    expect(await call('config.listMediators')).toEqual(closed);
    await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN });
    const tooLong = await call('config.saveSections', { sections: { session: { referentIdleMinutes: 16 } } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'config_invalid' } });
    if (!tooLong.ok) expect(tooLong.error.message).toContain('au plus 15');
    services.close();
  });

  it('asks the référent PIN again for the export with the codes, with the sign-in lockout', async () => {
    const { services, call } = open();
    await call('access.referentSignIn', { pin: DEFAULT_REFERENT_PIN });
    expect((await call('config.export', { includePins: false })).ok).toBe(true);
    expect(await call('config.export', { includePins: true })).toMatchObject({
      ok: false,
      error: { code: 'pin_required' },
    });
    const wrong = await call('config.export', { includePins: true, referentPin: '13579024' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'pin_wrong' } });
    expect(services.journal.list({ code: 'config.exported' })).toHaveLength(1);
    const right = await call('config.export', { includePins: true, referentPin: DEFAULT_REFERENT_PIN });
    expect(right).toMatchObject({ ok: true, value: { saved: true } });
    expect(JSON.stringify(right)).toContain('referentPinHash');
    expect(services.journal.list({ code: 'config.exported' })).toHaveLength(2);
    services.close();
  });
});
