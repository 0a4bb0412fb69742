import type { Migration } from './index';

/**
 * The station's append-only journal (audit trail): a closed list of event codes and anonymous figures only.
 * Triggers make rows impossible to update or delete, even from a bug in the app.
 */
export const m0002Journal: Migration = {
  version: 2,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        code TEXT NOT NULL,
        actor TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX journal_at ON journal (at);
      CREATE INDEX journal_code ON journal (code);
      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    `);
  },
};
