import type { Database } from 'better-sqlite3';
import type { JournalCode, JournalDetails } from './codes';
import { JOURNAL_CODES } from './codes';

export interface JournalEntry {
  id: number;
  at: string;
  code: JournalCode;
  actor: string | null;
  details: JournalDetails;
}

const SHORT_CODE = /^[\p{L}\p{N} _.:'-]{0,64}$/u;

/** Append-only audit trail in station.db (see migration 0002: updates and deletes are refused by triggers). */
export class Journal {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** actor is a mediator pseudonym or 'referent'; details are figures and short codes only. */
  append(code: JournalCode, details: JournalDetails = {}, actor: string | null = null): void {
    if (!JOURNAL_CODES.includes(code)) throw new Error(`unknown journal code ${code}`);
    for (const value of Object.values(details)) {
      if (typeof value === 'string' && !SHORT_CODE.test(value)) throw new Error('journal details must be short codes');
    }
    this.db
      .prepare('INSERT INTO journal (at, code, actor, details) VALUES (?, ?, ?, ?)')
      .run(this.now().toISOString(), code, actor, JSON.stringify(details));
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
