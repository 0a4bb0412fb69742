import { describe, expect, it } from 'vitest';
import { AccessStore } from '../../../main/access/access-store';
import { openStationDb } from '../../../main/db/open';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('mediators and référent tables (migration 0003)', () => {
  it('keeps one row per pseudonym whatever the case, and one référent PIN only', () => {
    const db = openStationDb(tempDir());
    const store = new AccessStore(db);
    const now = new Date();
    store.addMediator('Camille', 'scrypt$hash', now);
    expect(() => store.addMediator('CAMILLE', 'scrypt$other', now)).toThrow(/UNIQUE/);
    store.setReferentPin('scrypt$one', now);
    store.setReferentPin('scrypt$two', now);
    expect(db.prepare('SELECT COUNT(*) AS n FROM referent').get()).toEqual({ n: 1 });
    expect(() => db.prepare("INSERT INTO referent (id, pin_hash, changed_at) VALUES (2, 'x', 'y')").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('refuses values of the wrong type (STRICT tables)', () => {
    const db = openStationDb(tempDir());
    expect(() =>
      db
        .prepare("INSERT INTO mediators (pseudonym, pin_hash, active, created_at) VALUES ('Lou', 'h', 'oui', 'now')")
        .run(),
    ).toThrow();
    expect(() =>
      db
        .prepare(
          "INSERT INTO mediators (pseudonym, pin_hash, failed_tries, created_at) VALUES ('Lou', 'h', 'x', 'now')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});
