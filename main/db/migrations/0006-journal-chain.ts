import { chainHash } from '../../journal/chain';
import type { Migration } from './index';

/**
 * The journal becomes tamper-evident: each row carries a SHA-256 hash of its content and of the previous row's
 * hash (main/journal/chain.ts). Rows written before this version are chained here, in id order; the triggers
 * are recreated so rows stay impossible to change from the app.
 */
export const m0006JournalChain: Migration = {
  version: 6,
  name: 'journal hash chain',
  up(db) {
    db.exec(`
      DROP TRIGGER journal_no_update;
      ALTER TABLE journal ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    `);
    const rows = db.prepare('SELECT id, at, code, actor, details FROM journal ORDER BY id').all() as Array<{
      id: number;
      at: string;
      code: string;
      actor: string | null;
      details: string;
    }>;
    const update = db.prepare('UPDATE journal SET hash = ? WHERE id = ?');
    let previous = '';
    for (const row of rows) {
      previous = chainHash(previous, row);
      update.run(previous, row.id);
    }
    db.exec(`
      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    `);
  },
};
