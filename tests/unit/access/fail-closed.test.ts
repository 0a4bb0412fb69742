import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { mountSmallDisk, type SmallDisk } from '../../helpers/small-disk';
import { useTempDir } from '../../helpers/temp-dir';
import { FakeClock } from '../../helpers/fake-clock';
import { LEGACY_PIN_COST, PIN_COST } from '../../../main/access/pin-hash';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir();
const silent = { info() {}, warn() {}, error() {} };
const opened: Array<() => void> = [];
afterEach(() => {
  for (const close of opened.splice(0).reverse()) close();
});

function open(dir: string, options: { pinCost?: typeof PIN_COST } = {}): Services {
  const services = createServices({
    pinCost: options.pinCost ?? TEST_PIN_COST,
    dataDir: dir,
    platform: { transport: 'web', appVersion: 'test' },
    log: silent,
    clock: new FakeClock(),
  });
  opened.push(() => services.close());
  return services;
}

async function fault(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a fault');
}

function lockOf(services: Services, pseudonym: string) {
  const row = services.access.store.mediatorByPseudonym(pseudonym)!;
  return { failedTries: row.failedTries, lockouts: row.lockouts };
}

describe('PIN checks fail closed', () => {
  it('refuses the sign-in when a wrong try cannot be recorded, and keeps counting it (read-only database)', async () => {
    const dir = tempDir();
    seedStation(dir);
    const services = open(dir);
    services.db.pragma('query_only = ON'); // SQLite refuses every write, as on a read-only data dir
    for (let i = 0; i < 5; i++) {
      expect((await fault(services.access.referentSignIn('11111111'))).code).toBe('disk_read_only');
    }
    // The five unrecorded tries still lock: the right PIN does not open the area.
    expect((await fault(services.access.referentSignIn('24681357'))).code).toBe('pin_locked');
    expect(services.access.isReferent()).toBe(false);
    // A right mediator PIN whose journal line cannot be written does not sign in either.
    expect((await fault(services.access.signIn('Camille', '482915'))).code).toBe('disk_read_only');
    expect(services.access.currentMediator()).toBeNull();
  });

  it('on a full disk: wrong tries are refused with the disk named, the right PIN changes nothing', async (context) => {
    const disk = mountSmallDisk();
    if (typeof disk === 'string') return context.skip(disk);
    opened.push(() => (disk as SmallDisk).unmount());
    seedStation(disk.dir);
    const services = open(disk.dir);
    const call = stationDispatch(services, silent);
    disk.fill();
    // 30 wrong tries: none can be written; the first five say so, the next ones meet the lock kept in memory.
    for (let i = 0; i < 30; i++) {
      const reply = (await call('access.referentSignIn', { pin: '11111111' }, { transport: 'web' })) as {
        error: { code: string; message: string };
      };
      expect(reply.error.code).toBe(i < 5 ? 'disk_full' : 'pin_locked');
      if (i === 0) expect(reply.error.message).toMatch(/^Le disque de ce poste est plein/);
    }
    const right = await call('access.referentSignIn', { pin: '24681357' }, { transport: 'web' });
    expect(right).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
    expect(services.access.isReferent()).toBe(false);
    const signIn = await call('access.signIn', { pseudonym: 'Camille', pin: '482915' }, { transport: 'web' });
    expect(signIn).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(services.access.currentMediator()).toBeNull();
    // Space back: the right mediator PIN works.
    disk.free();
    expect((await services.access.signIn('Camille', '482915')).pseudonym).toBe('Camille');
  });
});

describe('PIN lockout and rehash', () => {
  it('takes one lock off after a right PIN instead of forgetting every lock', async () => {
    const dir = tempDir();
    seedStation(dir);
    const services = open(dir);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++) await fault(services.access.signIn('Camille', '111111'));
      services.access.store.setMediatorLock(services.access.store.mediatorByPseudonym('Camille')!.id, {
        ...lockOf(services, 'Camille'),
        lockedUntil: null, // the wait is over
      });
    }
    expect(lockOf(services, 'Camille')).toEqual({ failedTries: 0, lockouts: 2 });
    await services.access.signIn('Camille', '482915');
    expect(lockOf(services, 'Camille')).toEqual({ failedTries: 0, lockouts: 1 });
    await services.access.signOut();
    await services.access.signIn('Camille', '482915');
    expect(lockOf(services, 'Camille')).toEqual({ failedTries: 0, lockouts: 0 });
  });

  it('rehashes an older, cheaper hash at the station cost after a right PIN', async () => {
    const dir = tempDir();
    seedStation(dir); // hashes at LEGACY_PIN_COST
    const services = open(dir, { pinCost: { ...LEGACY_PIN_COST, N: LEGACY_PIN_COST.N * 2 } });
    const before = services.access.store.mediatorByPseudonym('Camille')!.pinHash;
    expect(before).toMatch(/^scrypt\$16384\$/);
    await fault(services.access.signIn('Camille', '111111'));
    expect(services.access.store.mediatorByPseudonym('Camille')!.pinHash).toBe(before); // a wrong PIN: untouched
    await services.access.signIn('Camille', '482915');
    const after = services.access.store.mediatorByPseudonym('Camille')!.pinHash;
    expect(after).toMatch(/^scrypt\$32768\$/);
    await services.access.signOut();
    expect((await services.access.signIn('Camille', '482915')).pseudonym).toBe('Camille');
    await services.access.referentSignIn('24681357');
    expect(services.access.store.referent()!.pinHash).toMatch(/^scrypt\$32768\$/);
  });
});
