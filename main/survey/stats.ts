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
import { durationBucket, itemFigures, median, periodOf, periodsBetween } from './rates';

/** Answer left blank (autonomy not entered, outcome not recorded). */
export const NOT_ENTERED = 'non_renseigne';

const zeroCounts = (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [code, 0]));

/**
 * The référent's statistics over a period, from the anonymous session log and the survey answers. A handful of
 * indexed queries; the arithmetic (median, rates, buckets) is in rates.ts.
 */
export class SurveyStats {
  private readonly sessions;
  private readonly demarches;
  private readonly responses;

  constructor(db: Database) {
    const sessionFilter = `s.day BETWEEN @from AND @to AND (@demarcheId IS NULL OR s.id IN
      (SELECT session_id FROM survey_session_demarche WHERE demarche_id = @demarcheId))`;
    this.sessions = db.prepare(
      `SELECT s.day, s.minutes, s.autonomy, s.survey_answered AS answered FROM survey_session s WHERE ${sessionFilter}`,
    );
    this.demarches = db.prepare(`
      SELECT d.demarche_id AS demarcheId, d.category, d.outcome, count(*) AS n
      FROM survey_session s JOIN survey_session_demarche d ON d.session_id = s.id
      WHERE s.day BETWEEN @from AND @to
      GROUP BY d.demarche_id, d.category, d.outcome`);
    const levelSums = SURVEY_ITEMS.flatMap((item) =>
      SATISFACTION_LEVELS.map((level) => `sum(${item} = '${level}') AS "${item}.${level}"`),
    );
    const recommendSums = RECOMMEND_ANSWERS.map((answer) => `sum(recommend = '${answer}') AS "recommend.${answer}"`);
    this.responses = db.prepare(`
      SELECT count(*) AS responses, ${[...levelSums, ...recommendSums].join(', ')}
      FROM survey_response
      WHERE day BETWEEN @from AND @to AND (@demarcheId IS NULL OR demarche_id = @demarcheId)`);
  }

  compute(query: StatsQuery): Stats {
    const params = { from: query.from, to: query.to, demarcheId: query.demarcheId };

    const rows = this.sessions.all(params) as Array<{
      day: string;
      minutes: number;
      autonomy: string | null;
      answered: number;
    }>;
    const durations = zeroCounts(DURATION_BUCKETS);
    const autonomy = zeroCounts([...AUTONOMY_CODES, NOT_ENTERED]);
    const perPeriod = new Map<string, number>();
    let surveyAnswered = 0;
    const minutes: number[] = [];
    for (const row of rows) {
      minutes.push(row.minutes);
      durations[durationBucket(row.minutes)]! += 1;
      autonomy[row.autonomy ?? NOT_ENTERED]! += 1;
      surveyAnswered += row.answered;
      const period = periodOf(row.day, query.granularity);
      perPeriod.set(period, (perPeriod.get(period) ?? 0) + 1);
    }

    const outcomes = zeroCounts([...OUTCOME_CODES, NOT_ENTERED]);
    const byDemarche = new Map<string, Stats['byDemarche'][number]>();
    for (const row of this.demarches.all(params) as Array<{
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

    const sums = this.responses.get(params) as Record<string, number | null>;
    const items = SURVEY_ITEMS.map((item) =>
      itemFigures(
        item,
        Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, sums[`${item}.${level}`] ?? 0])) as Record<
          SatisfactionLevel,
          number
        >,
      ),
    );
    const recommend = Object.fromEntries(RECOMMEND_ANSWERS.map((a) => [a, sums[`recommend.${a}`] ?? 0]));

    return {
      from: query.from,
      to: query.to,
      demarcheId: query.demarcheId,
      sessions: rows.length,
      surveyAnswered,
      medianMinutes: median(minutes),
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
