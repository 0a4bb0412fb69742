/**
 * The statistics' counts straight from the raw log (what main/survey/stats.ts did before the rollup): the
 * reference the rollup is compared with in tests/integration/survey/rollup.test.ts and in `npm run bench`.
 */
import type { Database } from 'better-sqlite3';
import { NOT_ENTERED } from '../../main/survey/rollup';
import type { DayRow, StatsRows } from '../../main/survey/stats-rows';
import { AUTONOMY_CODES, RECOMMEND_ANSWERS, SATISFACTION_LEVELS, SURVEY_ITEMS } from '../../preload/contract/survey';

export function rawStatsRows(db: Database): StatsRows {
  const sessions = `FROM survey_session s WHERE s.day BETWEEN @from AND @to AND (@demarcheId IS NULL OR s.id IN
    (SELECT session_id FROM survey_session_demarche WHERE demarche_id = @demarcheId AND day BETWEEN @from AND @to))`;
  const days = db.prepare(`
    SELECT s.day, count(*) AS sessions, sum(s.survey_answered) AS answered,
      sum(s.autonomy IS NULL) AS "${NOT_ENTERED}",
      ${AUTONOMY_CODES.map((code) => `sum(s.autonomy = '${code}') AS "${code}"`).join(', ')}
    ${sessions} GROUP BY s.day`);
  const minutes = db.prepare(`SELECT s.minutes AS value, count(*) AS count ${sessions} GROUP BY s.minutes`);
  const demarches = db.prepare(`
    SELECT demarche_id AS demarcheId, category, coalesce(outcome, '${NOT_ENTERED}') AS outcome, count(*) AS n
    FROM survey_session_demarche INDEXED BY survey_session_demarche_day
    WHERE day BETWEEN @from AND @to GROUP BY demarche_id, category, outcome`);
  const columns = [
    ...SURVEY_ITEMS.flatMap((item) => SATISFACTION_LEVELS.map((level) => [item, level] as const)),
    ...RECOMMEND_ANSWERS.map((answer) => ['recommend', answer] as const),
  ];
  const responses = db.prepare(`
    SELECT count(*) AS responses, ${columns.map(([c, v]) => `sum(${c} = '${v}') AS "${c}.${v}"`).join(', ')}
    FROM survey_response WHERE day BETWEEN @from AND @to AND (@demarcheId IS NULL OR demarche_id = @demarcheId)`);
  return {
    days: (params) => days.all(params) as DayRow[],
    minutes: (params) => minutes.all(params) as Array<{ value: number; count: number }>,
    demarches: ({ from, to }) =>
      demarches.all({ from, to }) as Array<{ demarcheId: string; category: string; outcome: string; n: number }>,
    answers: (params) => {
      const row = responses.get(params) as Record<string, number | null>;
      const counts = new Map<string, number>();
      for (const [c, v] of columns) if (row[`${c}.${v}`]) counts.set(`${c}.${v}`, row[`${c}.${v}`]!);
      return { responses: row.responses ?? 0, counts };
    },
  };
}
