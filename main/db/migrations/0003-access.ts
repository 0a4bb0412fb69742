import type { Migration } from './index';

/**
 * Access control: the mediators (a pseudonym, never a real name) and the référent's PIN. PINs are stored only as
 * scrypt hashes with their own salt (main/access/pin-hash.ts); the failed-try counter and the lock survive a
 * restart so quitting the app does not reset a lockout.
 */
export const m0003Access: Migration = {
  version: 3,
  name: 'access',
  up(db) {
    db.exec(`
      CREATE TABLE mediators (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        pseudonym TEXT NOT NULL UNIQUE COLLATE NOCASE,
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_tries INTEGER NOT NULL DEFAULT 0,
        lockouts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE referent (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pin_hash TEXT NOT NULL,
        failed_tries INTEGER NOT NULL DEFAULT 0,
        lockouts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        changed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
