import type { Database } from 'better-sqlite3';
import { checkChain, chainHash, type ChainCheck, type ChainedRow } from './chain';
import type { JournalCode, JournalDetails } from './codes';
import { JOURNAL_CODES } from './codes';

export interface JournalEntry {
  id: number;
  at: string;
  code: JournalCode;
  actor: string | null;
  details: JournalDetails;
}

/**
 * A detail is a figure, a yes/no or a short code such as `referent_pin` or `not_out`: lower-case letters, `_`,
 * `.`, `-`, at most one digit in a row. Judged by shape, so free text cannot pass: no space (no two words), no
 * capital (no name), no run of digits (no PIN, numéro, phone or postcode), no punctuation.
 */
const SHORT_CODE = /^[a-z](?:[a-z_.-]|\d(?!\d)){0,39}$/;
const DETAIL_KEY = /^[a-z][A-Za-z]{0,30}$/;

/** Session events: their time is kept to the quarter hour only, like the session log (no joining the two). */
const QUARTER_HOUR_CODES: ReadonlySet<JournalCode> = new Set<JournalCode>([
  'mediator.signed_in',
  'mediator.signed_out',
  'session.opened',
  'session.closed',
  'session.idle_timeout',
  'wipe.completed',
  'wipe.failed',
  'receipt.printed',
  'receipt.print_failed',
  'scan.delete_failed',
]);

export function isShortCode(value: string): boolean {
  return SHORT_CODE.test(value);
}

function quarterHour(at: Date): string {
  const rounded = new Date(at.getTime());
  rounded.setUTCMinutes(Math.floor(rounded.getUTCMinutes() / 15) * 15, 0, 0);
  return rounded.toISOString();
}

/**
 * Append-only audit trail in station.db: triggers refuse updates and deletes (migration 0002), and each row's hash
 * chains it to the previous one (main/journal/chain.ts, migration 0006) so an edit made around the app shows.
 */
export class Journal {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** actor is a mediator pseudonym or 'referent'; details are figures and short codes only. */
  append(code: JournalCode, details: JournalDetails = {}, actor: string | null = null): void {
    if (!JOURNAL_CODES.includes(code)) throw new Error(`unknown journal code ${code}`);
    for (const [key, value] of Object.entries(details)) {
      if (!DETAIL_KEY.test(key)) throw new Error('journal detail names must be short identifiers');
      if (typeof value === 'string' && !SHORT_CODE.test(value)) throw new Error('journal details must be short codes');
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('journal figures must be finite');
    }
    const now = this.now();
    const row = {
      at: QUARTER_HOUR_CODES.has(code) ? quarterHour(now) : now.toISOString(),
      code,
      actor,
      details: JSON.stringify(details),
    };
    this.db.transaction(() => {
      const last = this.db.prepare('SELECT hash FROM journal ORDER BY id DESC LIMIT 1').get() as
        { hash: string } | undefined;
      this.db
        .prepare('INSERT INTO journal (at, code, actor, details, hash) VALUES (@at, @code, @actor, @details, @hash)')
        .run({ ...row, hash: chainHash(last?.hash ?? '', row) });
    })();
  }

  /** Walks the whole chain; says whether it is intact and, if not, from which row it was changed. */
  checkChain(): ChainCheck {
    const rows = this.db
      .prepare('SELECT id, at, code, actor, details, hash FROM journal ORDER BY id')
      .iterate() as IterableIterator<ChainedRow & { hash: string }>;
    return checkChain(rows);
  }

  list(filter: { from?: string; to?: string; code?: JournalCode; limit?: number } = {}): JournalEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, at, code, actor, details FROM journal
         WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@code IS NULL OR code = @code)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        from: filter.from ?? null,
        to: filter.to ?? null,
        code: filter.code ?? null,
        limit: filter.limit ?? 500,
      }) as Array<Omit<JournalEntry, 'details'> & { details: string }>;
    return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as JournalDetails }));
  }
}
