import type { Database } from 'better-sqlite3';
import {
  AUTONOMY_CODES,
  DURATION_BUCKETS,
  OUTCOME_CODES,
  RECOMMEND_ANSWERS,
  SATISFACTION_LEVELS,
  SURVEY_ITEMS,
  type SatisfactionLevel,
  type Stats,
  type StatsQuery,
} from '../../preload/contract/survey';
import { durationBucket, itemFigures, medianOfHistogram, periodOf, periodsBetween } from './rates';

/** Answer left blank (autonomy not entered, outcome not recorded). */
export const NOT_ENTERED = 'non_renseigne';

/**
 * Counting the survey answers is the costly part of a year's statistics (one aggregate per item and level, for
 * every response). Each aggregate here counts two codes at once, packed in one integer: the first code counts 1,
 * the second SLOT (2^26), which stays exact in a double for up to 67 million responses per period. Two dozen
 * aggregates instead of forty: about four times faster (tests/bench/survey.bench.ts).
 */
const SLOT = 2 ** 26;
function packedCounts(column: string, codes: readonly string[]) {
  const out: Array<{ column: string; codes: string[]; alias: string; sql: string }> = [];
  for (let i = 0; i < codes.length; i += 2) {
    const pair = codes.slice(i, i + 2);
    const whens = pair.map((code, j) => `WHEN '${code}' THEN ${j === 0 ? 1 : SLOT}`).join(' ');
    out.push({
      column,
      codes: pair,
      alias: `${column}:${pair.join('|')}`,
      sql: `sum(CASE ${column} ${whens} ELSE 0 END)`,
    });
  }
  return out;
}

/** One day of the period: sessions, survey answered, and one count per autonomy code. */
interface DayRow {
  day: string;
  sessions: number;
  answered: number;
  [autonomy: string]: string | number;
}

const zeroCounts = (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [code, 0]));

/**
 * The référent's statistics over a period, from the anonymous session log and the survey answers. A handful of
 * queries that the indexes of migration 0004 cover, aggregated in SQLite; the arithmetic (median, rates, buckets)
 * is in rates.ts.
 */
export class SurveyStats {
  private readonly days;
  private readonly minutes;
  private readonly demarches;
  private readonly responses;
  private readonly unpack: (row: Record<string, number>) => Map<string, number>;

  constructor(db: Database) {
    // Sessions of the period; with a démarche chosen, only the sessions that included it.
    const sessions = `FROM survey_session s WHERE s.day BETWEEN @from AND @to AND (@demarcheId IS NULL OR s.id IN
      (SELECT session_id FROM survey_session_demarche WHERE demarche_id = @demarcheId AND day BETWEEN @from AND @to))`;
    const autonomySums = AUTONOMY_CODES.map((code) => `sum(s.autonomy = '${code}') AS "${code}"`);
    this.days = db.prepare(`
      SELECT s.day, count(*) AS sessions, sum(s.survey_answered) AS answered,
        sum(s.autonomy IS NULL) AS "${NOT_ENTERED}", ${autonomySums.join(', ')}
      ${sessions} GROUP BY s.day`);
    this.minutes = db.prepare(`SELECT s.minutes AS value, count(*) AS count ${sessions} GROUP BY s.minutes`);
    this.demarches = db.prepare(`
      SELECT demarche_id AS demarcheId, category, outcome, count(*) AS n
      FROM survey_session_demarche INDEXED BY survey_session_demarche_day
      WHERE day BETWEEN @from AND @to
      GROUP BY demarche_id, category, outcome`);
    const packed = [
      ...SURVEY_ITEMS.flatMap((item) => packedCounts(item, SATISFACTION_LEVELS)),
      ...packedCounts('recommend', RECOMMEND_ANSWERS),
    ];
    this.responses = db.prepare(`
      SELECT count(*) AS responses, ${packed.map((p) => `${p.sql} AS "${p.alias}"`).join(', ')}
      FROM survey_response
      WHERE day BETWEEN @from AND @to AND (@demarcheId IS NULL OR demarche_id = @demarcheId)`);
    this.unpack = (row) => {
      const counts = new Map<string, number>();
      for (const p of packed) {
        const value = row[p.alias] ?? 0;
        counts.set(`${p.column}.${p.codes[0]}`, value % SLOT);
        if (p.codes[1]) counts.set(`${p.column}.${p.codes[1]}`, Math.floor(value / SLOT));
      }
      return counts;
    };
  }

  compute(query: StatsQuery): Stats {
    const params = { from: query.from, to: query.to, demarcheId: query.demarcheId };

    const autonomy = zeroCounts([...AUTONOMY_CODES, NOT_ENTERED]);
    const perPeriod = new Map<string, number>();
    let sessions = 0;
    let surveyAnswered = 0;
    for (const row of this.days.all(params) as DayRow[]) {
      sessions += row.sessions;
      surveyAnswered += row.answered;
      for (const code of Object.keys(autonomy)) autonomy[code]! += Number(row[code] ?? 0);
      const period = periodOf(row.day, query.granularity);
      perPeriod.set(period, (perPeriod.get(period) ?? 0) + row.sessions);
    }
    const histogram = this.minutes.all(params) as Array<{ value: number; count: number }>;
    const durations = zeroCounts(DURATION_BUCKETS);
    for (const { value, count } of histogram) durations[durationBucket(value)]! += count;

    const outcomes = zeroCounts([...OUTCOME_CODES, NOT_ENTERED]);
    const byDemarche = new Map<string, Stats['byDemarche'][number]>();
    for (const row of this.demarches.all({ from: query.from, to: query.to }) as Array<{
      demarcheId: string;
      category: string;
      outcome: string | null;
      n: number;
    }>) {
      const outcome = row.outcome ?? NOT_ENTERED;
      let entry = byDemarche.get(row.demarcheId);
      if (!entry) {
        entry = {
          demarcheId: row.demarcheId,
          category: row.category,
          sessions: 0,
          outcomes: zeroCounts([...OUTCOME_CODES, NOT_ENTERED]),
        };
        byDemarche.set(row.demarcheId, entry);
      }
      entry.sessions += row.n;
      entry.outcomes[outcome]! += row.n;
      if (query.demarcheId === null || query.demarcheId === row.demarcheId) outcomes[outcome]! += row.n;
    }

    const sums = this.responses.get(params) as Record<string, number>;
    const counts = this.unpack(sums);
    const items = SURVEY_ITEMS.map((item) =>
      itemFigures(
        item,
        Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, counts.get(`${item}.${level}`) ?? 0])) as Record<
          SatisfactionLevel,
          number
        >,
      ),
    );
    const recommend = Object.fromEntries(RECOMMEND_ANSWERS.map((a) => [a, counts.get(`recommend.${a}`) ?? 0]));

    return {
      from: query.from,
      to: query.to,
      demarcheId: query.demarcheId,
      sessions,
      surveyAnswered,
      medianMinutes: medianOfHistogram(histogram),
      durations,
      autonomy,
      outcomes,
      series: periodsBetween(query.from, query.to, query.granularity).map((period) => ({
        period,
        sessions: perPeriod.get(period) ?? 0,
      })),
      byDemarche: [...byDemarche.values()].sort((a, b) => b.sessions - a.sessions),
      satisfaction: { responses: Number(sums.responses ?? 0), items, recommend },
      demarcheIds: [...byDemarche.keys()].sort(),
    };
  }
}
