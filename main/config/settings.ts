import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

/** Typed access to the settings table: one JSON value per key, validated on read so a bad row never spreads. */
export class Settings {
  constructor(private readonly db: Database) {}

  get<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>): z.output<T> {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  /** The stored JSON as it is, unchecked: `missing` when never set, `unreadable` when the row is not JSON. */
  raw(key: string): { state: 'missing' } | { state: 'unreadable' } | { state: 'stored'; value: unknown } {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return { state: 'missing' };
    try {
      return { state: 'stored', value: JSON.parse(row.value) as unknown };
    } catch {
      return { state: 'unreadable' };
    }
  }

  /** Runs `work` in one SQLite transaction: every write in it lands, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  set(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }
}
