import type { Database } from 'better-sqlite3';
import type { LockState } from './lockout';

export interface MediatorRow extends LockState {
  id: number;
  pseudonym: string;
  pinHash: string;
  active: boolean;
  createdAt: string;
}

export interface ReferentRow extends LockState {
  pinHash: string;
  changedAt: string;
}

type RawMediator = {
  id: number;
  pseudonym: string;
  pin_hash: string;
  active: number;
  failed_tries: number;
  lockouts: number;
  locked_until: string | null;
  created_at: string;
};

function toMediator(row: RawMediator): MediatorRow {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    pinHash: row.pin_hash,
    active: row.active === 1,
    failedTries: row.failed_tries,
    lockouts: row.lockouts,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

/** The mediators and référent tables of station.db (migration 0003). Hashes only, never a PIN. */
export class AccessStore {
  constructor(private readonly db: Database) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  referent(): ReferentRow | null {
    const row = this.db
      .prepare('SELECT pin_hash, failed_tries, lockouts, locked_until, changed_at FROM referent WHERE id = 1')
      .get() as
      | { pin_hash: string; failed_tries: number; lockouts: number; locked_until: string | null; changed_at: string }
      | undefined;
    if (!row) return null;
    return {
      pinHash: row.pin_hash,
      failedTries: row.failed_tries,
      lockouts: row.lockouts,
      lockedUntil: row.locked_until,
      changedAt: row.changed_at,
    };
  }

  setReferentPin(pinHash: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO referent (id, pin_hash, failed_tries, lockouts, locked_until, changed_at)
         VALUES (1, ?, 0, 0, NULL, ?)
         ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_tries = 0, lockouts = 0,
           locked_until = NULL, changed_at = excluded.changed_at`,
      )
      .run(pinHash, at.toISOString());
  }

  /** A stronger hash of the same PIN (after a right PIN): the lock and the change date stay. */
  setReferentPinHash(pinHash: string): void {
    this.db.prepare('UPDATE referent SET pin_hash = ? WHERE id = 1').run(pinHash);
  }

  setReferentLock(state: LockState): void {
    this.db
      .prepare('UPDATE referent SET failed_tries = ?, lockouts = ?, locked_until = ? WHERE id = 1')
      .run(state.failedTries, state.lockouts, state.lockedUntil);
  }

  mediators(): MediatorRow[] {
    const rows = this.db.prepare('SELECT * FROM mediators ORDER BY pseudonym COLLATE NOCASE').all() as RawMediator[];
    return rows.map(toMediator);
  }

  mediator(id: number): MediatorRow | null {
    const row = this.db.prepare('SELECT * FROM mediators WHERE id = ?').get(id) as RawMediator | undefined;
    return row ? toMediator(row) : null;
  }

  mediatorByPseudonym(pseudonym: string): MediatorRow | null {
    const row = this.db.prepare('SELECT * FROM mediators WHERE pseudonym = ?').get(pseudonym) as
      RawMediator | undefined;
    return row ? toMediator(row) : null;
  }

  addMediator(pseudonym: string, pinHash: string, at: Date, active = true): number {
    const result = this.db
      .prepare('INSERT INTO mediators (pseudonym, pin_hash, active, created_at) VALUES (?, ?, ?, ?)')
      .run(pseudonym, pinHash, active ? 1 : 0, at.toISOString());
    return Number(result.lastInsertRowid);
  }

  setMediatorActive(id: number, active: boolean): void {
    this.db.prepare('UPDATE mediators SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }

  /** A new PIN also lifts any lock. */
  setMediatorPin(id: number, pinHash: string): void {
    this.db
      .prepare('UPDATE mediators SET pin_hash = ?, failed_tries = 0, lockouts = 0, locked_until = NULL WHERE id = ?')
      .run(pinHash, id);
  }

  /** A stronger hash of the same PIN (after a right PIN): the lock stays as it is. */
  setMediatorPinHash(id: number, pinHash: string): void {
    this.db.prepare('UPDATE mediators SET pin_hash = ? WHERE id = ?').run(pinHash, id);
  }

  setMediatorLock(id: number, state: LockState): void {
    this.db
      .prepare('UPDATE mediators SET failed_tries = ?, lockouts = ?, locked_until = ? WHERE id = ?')
      .run(state.failedTries, state.lockouts, state.lockedUntil, id);
  }
}
