import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import { Journal } from '../../../main/journal/journal';
import { useTempDir } from '../../helpers/temp-dir';

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

  it('refuses free text in the figures (a PIN or a name cannot slip in)', () => {
    const journal = new Journal(openStationDb(tempDir()));
    expect(() =>
      journal.append('config.changed', { note: 'Mme Martin, 12 rue des Lilas, 57000 Metz / PIN 1234 !' }),
    ).toThrow();
  });
});
