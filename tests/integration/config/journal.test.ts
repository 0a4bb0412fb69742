import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import { Journal } from '../../../main/journal/journal';
import { useTempDir } from '../../helpers/temp-dir';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir();

describe('the journal in station.db', () => {
  it('can never be updated nor deleted, even with SQL (triggers)', () => {
    const db = openStationDb(tempDir());
    const journal = new Journal(db);
    journal.append('config.changed', { section: 'printer' }, 'referent');
    expect(() => db.prepare("UPDATE journal SET code = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE journal SET details = '{}' WHERE id = 1").run()).toThrow(/append-only/);
    expect(journal.list()).toHaveLength(1);
    expect(journal.list()[0]).toMatchObject({ code: 'config.changed', details: { section: 'printer' } });
    db.close();
  });

  it('keeps its rows across a restart and filters them by code and date', () => {
    const dir = tempDir();
    let now = new Date('2026-11-20T10:00:00Z');
    const db = openStationDb(dir);
    const journal = new Journal(db, () => now);
    journal.append('mediator.signed_in', {}, 'Camille');
    now = new Date('2026-11-22T10:00:00Z');
    journal.append('mediator.signed_out', {}, 'Camille');
    journal.append('config.exported', { pins: false }, 'referent');
    db.close();
    const reopened = new Journal(openStationDb(dir));
    expect(reopened.list()).toHaveLength(3);
    expect(reopened.list({ code: 'mediator.signed_in' }).map((e) => e.at)).toEqual(['2026-11-20T10:00:00.000Z']);
    expect(reopened.list({ from: '2026-11-21', to: '2026-11-23' }).map((e) => e.code)).toEqual([
      'config.exported',
      'mediator.signed_out',
    ]);
  });

  it.each([
    'PIN 1234',
    'Mme Martin, 12 rue des Lilas, 57000 Metz / PIN 1234 !',
    'Martin',
    'jean dupont',
    '12 rue des lilas',
    '0612345678',
    '57000',
    'ab12cd',
    "l'adresse",
    'x'.repeat(41),
  ])('refuses free text in the details by its shape: %s', (text) => {
    const journal = new Journal(openStationDb(tempDir()));
    expect(() => journal.append('config.changed', { section: text })).toThrow(/short codes/);
    expect(journal.list()).toHaveLength(0);
  });

  it('accepts the short codes the app writes, and refuses detail names that are not identifiers', () => {
    const journal = new Journal(openStationDb(tempDir()));
    for (const code of ['referent_pin', 'reset', 'thermal', 'not_out', 'a4', 'signed_out', 'printer', 'sessions.csv']) {
      journal.append('config.changed', { section: code, count: 3, ok: true });
    }
    expect(journal.list()).toHaveLength(8);
    expect(() => journal.append('config.changed', { 'nom complet': 'x' })).toThrow(/identifiers/);
  });

  it('keeps session events to the quarter hour, like the session log, so the two cannot be joined', () => {
    const journal = new Journal(openStationDb(tempDir()), () => new Date('2026-11-20T10:07:33.123Z'));
    journal.append('session.opened', { demarches: 0 }, 'Camille');
    journal.append('session.closed', { reason: 'ended', minutes: 12 }, 'Camille');
    journal.append('mediator.signed_in', {}, 'Camille');
    journal.append('config.changed', { section: 'printer' }, 'referent');
    const at = Object.fromEntries(journal.list().map((e) => [e.code, e.at]));
    expect(at['session.opened']).toBe('2026-11-20T10:00:00.000Z');
    expect(at['session.closed']).toBe('2026-11-20T10:00:00.000Z');
    expect(at['mediator.signed_in']).toBe('2026-11-20T10:00:00.000Z');
    expect(at['config.changed']).toBe('2026-11-20T10:07:33.123Z');
  });
});

describe('the journal hash chain', () => {
  function journalWithRows(dir: string) {
    const db = openStationDb(dir);
    const journal = new Journal(db);
    for (let i = 0; i < 6; i++) journal.append('config.changed', { section: 'printer', step: i }, 'referent');
    return { db, journal };
  }

  it('is intact as written, and across a restart', () => {
    const dir = tempDir();
    const { db, journal } = journalWithRows(dir);
    expect(journal.checkChain()).toEqual({ intact: true, rows: 6, brokenAt: null });
    db.close();
    expect(new Journal(openStationDb(dir)).checkChain()).toEqual({ intact: true, rows: 6, brokenAt: null });
  });

  it('says from which row it was changed when a row is edited straight in station.db (triggers dropped)', () => {
    const { db, journal } = journalWithRows(tempDir());
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET details = '{"section":"scan","step":3}' WHERE id = 4`).run();
    expect(journal.checkChain()).toEqual({ intact: false, rows: 4, brokenAt: 4 });
  });

  it('sees a deleted row, and a row re-hashed without its successors', () => {
    const { db, journal } = journalWithRows(tempDir());
    db.exec('DROP TRIGGER journal_no_delete; DROP TRIGGER journal_no_update');
    db.prepare('DELETE FROM journal WHERE id = 3').run();
    expect(journal.checkChain()).toMatchObject({ intact: false, brokenAt: 4 });
    db.prepare("UPDATE journal SET actor = 'Camille', hash = 'f00' WHERE id = 2").run();
    expect(journal.checkChain()).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('is shown to the référent by journal.list, and logged at start-up', async () => {
    const { createServices } = await import('../../../main/services');
    const { startStation } = await import('../../../main/startup');
    const { seedStation, TEST_PIN_COST, DEFAULT_REFERENT_PIN } = await import('../../helpers/seed-station');
    const dir = tempDir();
    seedStation(dir);
    const raw = openStationDb(dir);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET code = 'config.imported' WHERE id = 1").run();
    raw.close();
    const errors: Array<[string, unknown]> = [];
    const log = { info() {}, warn() {}, error: (event: string, fields?: unknown) => errors.push([event, fields]) };
    startStation(dir, { transport: 'web', appVersion: 'test' }, log).close();
    expect(errors).toContainEqual(['journal.chain_broken', { from: 1, rows: 1 }]);
    const services = createServices({
      pinCost: TEST_PIN_COST,
      dataDir: dir,
      platform: { transport: 'web', appVersion: 't' },
      log,
    });
    const call = stationDispatch(services, log);
    await services.access.referentSignIn(DEFAULT_REFERENT_PIN);
    const reply = await call('journal.list', {}, { transport: 'web' });
    expect(reply).toMatchObject({ ok: true, value: { chain: { intact: false, brokenAt: 1 } } });
    services.close();
  });
});
