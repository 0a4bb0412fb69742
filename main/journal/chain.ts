import { createHash } from 'node:crypto';

/**
 * The journal's hash chain: each row's hash covers its own content and the previous row's hash, so changing,
 * inserting or deleting a row (even with the triggers dropped, straight in station.db) breaks every link after
 * it. What it cannot see: the newest rows cut off the end, or the whole chain recomputed by someone who has the
 * app's code; it makes silent edits visible, it is not a signature.
 */
export interface ChainedRow {
  id: number;
  at: string;
  code: string;
  actor: string | null;
  details: string;
}

export function chainHash(previous: string, row: Omit<ChainedRow, 'id'>): string {
  return createHash('sha256')
    .update(JSON.stringify([previous, row.at, row.code, row.actor, row.details]))
    .digest('hex');
}

export interface ChainCheck {
  intact: boolean;
  rows: number;
  /** The first row whose hash does not follow from the rows before it (it, or one just before it, was changed). */
  brokenAt: number | null;
}

export function checkChain(rows: Iterable<ChainedRow & { hash: string }>): ChainCheck {
  let previous = '';
  let count = 0;
  for (const row of rows) {
    count++;
    const expected = chainHash(previous, row);
    if (row.hash !== expected) return { intact: false, rows: count, brokenAt: row.id };
    previous = row.hash;
  }
  return { intact: true, rows: count, brokenAt: null };
}
