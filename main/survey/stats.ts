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
import { NOT_ENTERED } from './rollup';
import { rollupRows, type StatsRows } from './stats-rows';

export { NOT_ENTERED };

const zeroCounts = (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [code, 0]));

/**
 * The référent's statistics over a period. The counts come from the rollup that the log writer keeps (a few
 * hundred rows for a year, tests/bench/survey.bench.ts); the arithmetic (median, rates, buckets) is in rates.ts.
 */
export class SurveyStats {
  private readonly rows: StatsRows;

  constructor(db: Database, rows?: StatsRows) {
    this.rows = rows ?? rollupRows(db);
  }

  compute(query: StatsQuery): Stats {
    const params = { from: query.from, to: query.to, demarcheId: query.demarcheId };
    const { rows } = this;

    const autonomy = zeroCounts([...AUTONOMY_CODES, NOT_ENTERED]);
    const perPeriod = new Map<string, number>();
    let sessions = 0;
    let surveyAnswered = 0;
    for (const row of rows.days(params)) {
      sessions += row.sessions;
      surveyAnswered += row.answered;
      for (const code of Object.keys(autonomy)) autonomy[code]! += Number(row[code] ?? 0);
      const period = periodOf(row.day, query.granularity);
      perPeriod.set(period, (perPeriod.get(period) ?? 0) + row.sessions);
    }
    const histogram = rows.minutes(params);
    const durations = zeroCounts(DURATION_BUCKETS);
    for (const { value, count } of histogram) durations[durationBucket(value)]! += count;

    const outcomes = zeroCounts([...OUTCOME_CODES, NOT_ENTERED]);
    const byDemarche = new Map<string, Stats['byDemarche'][number]>();
    for (const row of rows.demarches(params)) {
      const outcome = row.outcome;
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

    const { responses, counts } = rows.answers(params);
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
      satisfaction: { responses, items, recommend },
      demarcheIds: [...byDemarche.keys()].sort(),
    };
  }
}
