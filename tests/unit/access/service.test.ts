import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { FakeClock } from '../../helpers/fake-clock';
import { seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function station(seed = true): { services: Services; clock: FakeClock; dir: string } {
  const dir = tempDir();
  if (seed)
    seedStation(dir, {
      mediators: [
        { pseudonym: 'Camille', pin: '482915' },
        { pseudonym: 'Noé', pin: '739264' },
      ],
    });
  const clock = new FakeClock();
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: dir,
    platform: { transport: 'web', appVersion: 'test' },
    log: createFileLogger(dir, false),
    clock,
  });
  return { services, clock, dir };
}

async function fault(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a fault');
}

describe('mediator sign-in', () => {
  it('signs in with the right PIN and journals it without the PIN', async () => {
    const { services } = station();
    expect(services.access.isSetUp()).toBe(true);
    expect(services.access.status().mediators).toEqual(['Camille', 'Noé']);
    const mediator = await services.access.signIn('Camille', '482915');
    expect(mediator.pseudonym).toBe('Camille');
    expect(services.access.currentMediator()).toEqual(mediator);
    const entry = services.journal.list({ code: 'mediator.signed_in' })[0]!;
    expect(entry.actor).toBe('Camille');
    expect(JSON.stringify(services.journal.list())).not.toContain('482915');
    services.close();
  });

  it('refuses a wrong PIN, then locks the account for 1 minute after 5 wrong tries, then longer', async () => {
    const { services, clock } = station();
    for (let i = 0; i < 4; i++) {
      expect((await fault(services.access.signIn('Camille', '0000'))).code).toBe('pin_wrong');
    }
    const locked = await fault(services.access.signIn('Camille', '0000'));
    expect(locked.code).toBe('pin_locked');
    expect(locked.message).toContain('1 min');
    // Even the right PIN waits during the lock.
    clock.advance(59_000);
    const still = await fault(services.access.signIn('Camille', '482915'));
    expect(still.code).toBe('pin_locked');
    expect(still.message).toContain('1 s');
    clock.advance(1_000);
    // After the wait: five more wrong tries lock for 2 minutes.
    for (let i = 0; i < 4; i++) await fault(services.access.signIn('Camille', '0000'));
    expect((await fault(services.access.signIn('Camille', '0000'))).message).toContain('2 min');
    clock.advance(120_000);
    expect((await services.access.signIn('Camille', '482915')).pseudonym).toBe('Camille');
    expect(services.journal.list({ code: 'mediator.locked_out' })).toHaveLength(2);
    services.close();
  });

  it('keeps a lock across a restart of the app', async () => {
    const { services, dir } = station();
    for (let i = 0; i < 5; i++) await fault(services.access.signIn('Noé', '0000'));
    services.close();
    const again = createServices({
      pinCost: TEST_PIN_COST,
      dataDir: dir,
      platform: { transport: 'web', appVersion: 'test' },
      log: createFileLogger(dir, false),
      clock: new FakeClock(),
    });
    expect((await fault(again.access.signIn('Noé', '739264'))).code).toBe('pin_locked');
    again.close();
  });

  it('does not let parallel tries slip past the counter', async () => {
    const { services } = station();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => services.access.signIn('Camille', '9999')),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'pin_wrong')).toHaveLength(4);
    expect(codes.filter((c) => c === 'pin_locked')).toHaveLength(4);
    services.close();
  });

  it('refuses a deactivated mediator and a station that is not set up', async () => {
    const fresh = station(false);
    expect(fresh.services.access.isSetUp()).toBe(false);
    expect((await fault(fresh.services.access.signIn('Camille', '482915'))).code).toBe('station_not_set_up');
    fresh.services.close();

    const { services } = station();
    await services.access.referentSignIn('24681357');
    const noe = services.access.listMediators().find((m) => m.pseudonym === 'Noé')!;
    services.access.setMediatorActive(noe.id, false);
    expect(services.access.status().mediators).toEqual(['Camille']);
    expect((await fault(services.access.signIn('Noé', '739264'))).code).toBe('unknown_mediator');
    services.close();
  });

  it('signs out only after the session has ended (the wipe comes first)', async () => {
    const { services } = station();
    await services.access.signIn('Camille', '482915');
    const order: string[] = [];
    const end = services.sessions.end.bind(services.sessions);
    services.sessions.end = async (reason) => {
      order.push(`end:${reason}:${services.access.currentMediator()?.pseudonym}`);
      return end(reason);
    };
    await services.access.signOut();
    order.push(`after:${services.access.currentMediator()}`);
    expect(order).toEqual(['end:signed_out:Camille', 'after:null']);
    expect(services.journal.list({ code: 'mediator.signed_out' })).toHaveLength(1);
    services.close();
  });

  it('re-checks the signed-in mediator PIN with the same lockout', async () => {
    const { services } = station();
    expect((await fault(services.access.confirmMediatorPin('482915'))).code).toBe('not_signed_in');
    await services.access.signIn('Camille', '482915');
    await services.access.confirmMediatorPin('482915');
    for (let i = 0; i < 4; i++)
      expect((await fault(services.access.confirmMediatorPin('1111'))).code).toBe('pin_wrong');
    expect((await fault(services.access.confirmMediatorPin('1111'))).code).toBe('pin_locked');
    expect((await fault(services.access.confirmMediatorPin('482915'))).code).toBe('pin_locked');
    services.close();
  });
});

describe('référent sign-in', () => {
  it('refuses a mediator PIN: only the référent PIN opens the area', async () => {
    const { services } = station();
    expect((await fault(services.access.referentSignIn('482915'))).code).toBe('pin_wrong');
    expect(services.access.isReferent()).toBe(false);
    expect(() => services.access.admit('referent')).toThrow(/espace référent est fermé/);
    services.close();
  });

  it('closes the area after 5 minutes without a référent call (the default), and each call keeps it open', async () => {
    const { services, clock } = station();
    await services.access.referentSignIn('24681357');
    clock.advance(4 * 60_000);
    services.access.admit('referent');
    clock.advance(4 * 60_000);
    expect(services.access.isReferent()).toBe(true);
    clock.advance(60_001);
    expect(services.access.isReferent()).toBe(false);
    expect(() => services.access.admit('referent')).toThrow(/espace référent est fermé/);
    expect(services.journal.list({ code: 'referent.signed_out' })).toMatchObject([{ details: { reason: 'idle' } }]);
    services.close();
  });

  it('keeps the area open as long as the configuration says (session.referentIdleMinutes)', async () => {
    const { services, clock } = station();
    services.config.setSection('session', { referentIdleMinutes: 15 });
    await services.access.referentSignIn('24681357');
    clock.advance(14 * 60_000);
    services.access.admit('referent');
    clock.advance(15 * 60_000 - 1);
    expect(services.access.isReferent()).toBe(true);
    clock.advance(2);
    expect(services.access.isReferent()).toBe(false);
    services.close();
  });

  it('locks the référent PIN after 5 wrong tries and journals it', async () => {
    const { services } = station();
    for (let i = 0; i < 4; i++) await fault(services.access.referentSignIn('000000'));
    expect((await fault(services.access.referentSignIn('000000'))).code).toBe('pin_locked');
    expect((await fault(services.access.referentSignIn('24681357'))).code).toBe('pin_locked');
    expect(services.journal.list({ code: 'referent.locked_out' })).toHaveLength(1);
    services.close();
  });

  it('refuses a PIN already used by another account, and checks PIN formats in French', async () => {
    const { services } = station();
    await services.access.referentSignIn('24681357');
    expect((await fault(services.access.addMediator('Sacha', '24681357'))).code).toBe('pin_taken');
    expect((await fault(services.access.addMediator('Sacha', '739264'))).message).toContain('déjà celui d’un autre');
    expect((await fault(services.access.addMediator('Sacha', '12'))).message).toContain('6 à 12 chiffres');
    expect((await fault(services.access.addMediator('Sacha', '000000'))).code).toBe('pin_trivial');
    expect((await fault(services.access.addMediator('camille', '572948'))).code).toBe('pseudonym_taken');
    expect((await fault(services.access.changeReferentPin('1234567'))).message).toContain('8 à 12 chiffres');
    expect((await fault(services.access.changeReferentPin('12345678'))).code).toBe('pin_trivial');
    await services.access.addMediator('Lou', '91827364');
    expect((await fault(services.access.changeReferentPin('91827364'))).code).toBe('pin_taken');
    const sacha = await services.access.addMediator('Sacha', '572948');
    const camille = services.access.listMediators().find((m) => m.pseudonym === 'Camille')!;
    expect((await fault(services.access.resetMediatorPin(camille.id, '572948'))).code).toBe('pin_taken');
    // Re-giving a mediator the PIN they already have is not "another account's".
    await services.access.resetMediatorPin(camille.id, '482915');
    await services.access.resetMediatorPin(sacha.id, '938271');
    expect((await services.access.signIn('Sacha', '938271')).pseudonym).toBe('Sacha');
    services.close();
  });

  it('writes no PIN to the technical log or the journal', async () => {
    const { services, dir } = station();
    await fault(services.access.signIn('Camille', '13579'));
    await services.access.referentSignIn('24681357');
    await services.access.addMediator('Sacha', '864209');
    services.close();
    const logs = readdirSync(join(dir, 'logs'))
      .map((f) => readFileSync(join(dir, 'logs', f), 'utf8'))
      .join('');
    const again = createServices({
      pinCost: TEST_PIN_COST,
      dataDir: dir,
      platform: { transport: 'web', appVersion: 't' },
      log: createFileLogger(dir, false),
    });
    const journal = JSON.stringify(again.journal.list());
    again.close();
    for (const pin of ['13579', '24681357', '864209']) {
      expect(logs).not.toContain(pin);
      expect(journal).not.toContain(pin);
    }
  });
});
