import type { Database } from 'better-sqlite3';
import { AUTONOMY_CODES } from '../../preload/contract/survey';
import { splitRange } from './month-range';
import { ALL, NOT_ENTERED } from './rollup';

export interface StatsParams {
  from: string;
  to: string;
  demarcheId: string | null;
}

/** One day of the period: sessions, survey answered, and one count per autonomy code (and NOT_ENTERED). */
export interface DayRow {
  day: string;
  sessions: number;
  answered: number;
  [autonomy: string]: string | number;
}

/** The counts the statistics are made of, wherever they come from (the rollup here; the raw log in the bench). */
export interface StatsRows {
  days(params: StatsParams): DayRow[];
  minutes(params: StatsParams): Array<{ value: number; count: number }>;
  /** Every démarche of the period (not filtered by démarche), outcome NOT_ENTERED when not recorded. */
  demarches(params: StatsParams): Array<{ demarcheId: string; category: string; outcome: string; n: number }>;
  /** The number of responses and the count of each `item.answer` (items and 'recommend'). */
  answers(params: StatsParams): { responses: number; counts: Map<string, number> };
}

/**
 * The statistics' counts from the rollup (migration 0005): whole months from the month rows, the days at the edges
 * from the day rows, so a year costs about the same whatever the number of years kept.
 */
export function rollupRows(db: Database): StatsRows {
  const spans = `(grain = 'm' AND period BETWEEN @m1 AND @m2) OR (grain = 'd' AND period BETWEEN @h1 AND @h2)
    OR (grain = 'd' AND period BETWEEN @t1 AND @t2)`;
  const days = db.prepare(`
    SELECT day, sessions, answered, autonomy_none AS "${NOT_ENTERED}",
      ${AUTONOMY_CODES.map((code) => `autonomy_${code} AS "${code}"`).join(', ')}
    FROM survey_rollup_day WHERE scope = @scope AND day BETWEEN @from AND @to`);
  const minutes = db.prepare(`
    SELECT minutes AS value, sum(n) AS count FROM survey_rollup_minutes
    WHERE scope = @scope AND (${spans}) GROUP BY minutes`);
  const demarches = db.prepare(`
    SELECT demarche_id AS demarcheId, category, outcome, sum(n) AS n FROM survey_rollup_demarche
    WHERE ${spans} GROUP BY demarche_id, category, outcome`);
  const answers = db.prepare(`
    SELECT item, answer, sum(n) AS n FROM survey_rollup_answer
    WHERE scope = @scope AND (${spans}) GROUP BY item, answer`);
  const bind = ({ from, to, demarcheId }: StatsParams) => {
    const { months, head, tail } = splitRange(from, to);
    return {
      from,
      to,
      scope: demarcheId ?? ALL,
      m1: months[0],
      m2: months[1],
      h1: head[0],
      h2: head[1],
      t1: tail[0],
      t2: tail[1],
    };
  };
  return {
    days: (params) => days.all(bind(params)) as DayRow[],
    minutes: (params) => minutes.all(bind(params)) as Array<{ value: number; count: number }>,
    demarches: (params) =>
      demarches.all(bind(params)) as Array<{ demarcheId: string; category: string; outcome: string; n: number }>,
    answers: (params) => {
      const counts = new Map<string, number>();
      let responses = 0;
      for (const row of answers.all(bind(params)) as Array<{ item: string; answer: string; n: number }>) {
        if (row.item === '*') responses = row.n;
        else counts.set(`${row.item}.${row.answer}`, row.n);
      }
      return { responses, counts };
    },
  };
}
