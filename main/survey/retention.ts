import type { Database } from 'better-sqlite3';
import { checkpointTruncate } from '../db/open';
import { localDay } from './log-entry';
import { Rollup } from './rollup';

export interface PurgeResult {
  cutoff: string;
  sessions: number;
  responses: number;
}

/** The first day still kept: the same calendar day, `months` months before `now` (local time). */
export function retentionCutoff(now: Date, months: number): string {
  const cutoff = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const lastDay = new Date(cutoff.getFullYear(), cutoff.getMonth() + 1, 0).getDate();
  cutoff.setDate(Math.min(now.getDate(), lastDay));
  return localDay(cutoff);
}

/**
 * Deletes log entries (with their démarches, themes, equipment), survey responses and their rollup counts older
 * than the retention period, in one transaction, then folds the WAL back so deleted rows do not linger in station.db-wal
 * (secure_delete overwrites them in the main file). `beforeCheckpoint` lets the caller journal the purge first.
 */
export function purgeExpired(
  db: Database,
  months: number,
  now: Date,
  beforeCheckpoint?: (result: PurgeResult) => void,
): PurgeResult {
  const cutoff = retentionCutoff(now, months);
  const rollup = new Rollup(db);
  const result = db.transaction(() => {
    const removed = {
      sessions: db.prepare('DELETE FROM survey_session WHERE day < ?').run(cutoff).changes,
      responses: db.prepare('DELETE FROM survey_response WHERE day < ?').run(cutoff).changes,
    };
    // The statistics' counts of those days go in the same transaction.
    rollup.purgeBefore(cutoff);
    return removed;
  })();
  const purged = { cutoff, ...result };
  beforeCheckpoint?.(purged);
  checkpointTruncate(db);
  return purged;
}
