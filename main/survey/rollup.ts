import type { Database } from 'better-sqlite3';
import { AUTONOMY_CODES, SURVEY_ITEMS } from '../../preload/contract/survey';
import type { LogEntry, ResponseRow } from './log-entry';

/** Answer left blank (autonomy not entered, outcome not recorded). */
export const NOT_ENTERED = 'non_renseigne';
/** The scope of every session (the other scopes are démarche ids). */
export const ALL = '*';

/**
 * Keeps the statistics' rollup (migration 0005) equal to the raw log: `add` runs inside the log writer's
 * transaction, so a session is counted in both or in neither; `purgeBefore` runs inside the retention purge's.
 * Every count exists twice, per day and per month, so a period reads whole months and only its edge days.
 */
export class Rollup {
  private readonly day;
  private readonly minutes;
  private readonly demarche;
  private readonly answer;
  private readonly purge;

  constructor(private readonly db: Database) {
    const autonomy = AUTONOMY_CODES.map((code) => `autonomy_${code}`);
    this.day = db.prepare(`
      INSERT INTO survey_rollup_day (scope, day, sessions, answered, autonomy_none, ${autonomy.join(', ')})
      VALUES (@scope, @day, 1, @answered, @none, ${AUTONOMY_CODES.map((code) => `@${code}`).join(', ')})
      ON CONFLICT (scope, day) DO UPDATE SET sessions = sessions + 1, answered = answered + excluded.answered,
        autonomy_none = autonomy_none + excluded.autonomy_none,
        ${autonomy.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`);
    this.minutes = db.prepare(`
      INSERT INTO survey_rollup_minutes (grain, scope, period, minutes, n) VALUES (?, ?, ?, ?, 1)
      ON CONFLICT DO UPDATE SET n = n + 1`);
    this.demarche = db.prepare(`
      INSERT INTO survey_rollup_demarche (grain, period, demarche_id, category, outcome, n) VALUES (?, ?, ?, ?, ?, 1)
      ON CONFLICT DO UPDATE SET n = n + 1`);
    this.answer = db.prepare(`
      INSERT INTO survey_rollup_answer (grain, scope, period, item, answer, n) VALUES (?, ?, ?, ?, ?, 1)
      ON CONFLICT DO UPDATE SET n = n + 1`);
    this.purge = db.transaction((cutoff: string) => this.purgeNow(cutoff));
  }

  /** Counts one logged session and its response (call inside the writer's transaction). */
  add(entry: LogEntry, response: ResponseRow | null): void {
    const periods = [
      ['d', entry.day],
      ['m', entry.day.slice(0, 7)],
    ] as const;
    // A session counts once in its démarche's scope even if it has the démarche twice.
    const scopes = [ALL, ...new Set(entry.demarches.map((d) => d.demarcheId))];
    const autonomy = entry.form.autonomy;
    for (const scope of scopes) {
      this.day.run({
        scope,
        day: entry.day,
        answered: entry.surveyAnswered ? 1 : 0,
        none: autonomy === null ? 1 : 0,
        ...Object.fromEntries(AUTONOMY_CODES.map((code) => [code, autonomy === code ? 1 : 0])),
      });
      for (const [grain, period] of periods) this.minutes.run(grain, scope, period, entry.minutes);
    }
    for (const d of entry.demarches) {
      for (const [grain, period] of periods) {
        this.demarche.run(grain, period, d.demarcheId, d.category, d.outcome ?? NOT_ENTERED);
      }
    }
    if (!response) return;
    const answers: Array<[string, string]> = [['*', '*']];
    for (const item of SURVEY_ITEMS) {
      const level = response.levels[item];
      if (level) answers.push([item, level]);
    }
    if (response.recommend) answers.push(['recommend', response.recommend]);
    for (const scope of response.demarcheId ? [ALL, response.demarcheId] : [ALL]) {
      for (const [grain] of periods) {
        const period = grain === 'd' ? response.day : response.day.slice(0, 7);
        for (const [item, answer] of answers) this.answer.run(grain, scope, period, item, answer);
      }
    }
  }

  /** Forgets every count of the days before `cutoff` (YYYY-MM-DD): day rows go, the cutoff's month is recounted. */
  purgeBefore(cutoff: string): void {
    this.purge(cutoff);
  }

  private purgeNow(cutoff: string): void {
    const month = cutoff.slice(0, 7);
    const db = this.db;
    db.prepare('DELETE FROM survey_rollup_day WHERE day < ?').run(cutoff);
    for (const table of ['survey_rollup_minutes', 'survey_rollup_demarche', 'survey_rollup_answer']) {
      db.prepare(`DELETE FROM ${table} WHERE grain = 'd' AND period < ?`).run(cutoff);
      db.prepare(`DELETE FROM ${table} WHERE grain = 'm' AND period <= ?`).run(month);
    }
    // The cutoff's month keeps some of its days: its month rows become the sum of the days left.
    const days = [`${month}-01`, `${month}-31`];
    db.prepare(
      `INSERT INTO survey_rollup_minutes (grain, scope, period, minutes, n)
       SELECT 'm', scope, ?, minutes, sum(n) FROM survey_rollup_minutes
       WHERE grain = 'd' AND period BETWEEN ? AND ? GROUP BY scope, minutes`,
    ).run(month, ...days);
    db.prepare(
      `INSERT INTO survey_rollup_demarche (grain, period, demarche_id, category, outcome, n)
       SELECT 'm', ?, demarche_id, category, outcome, sum(n) FROM survey_rollup_demarche
       WHERE grain = 'd' AND period BETWEEN ? AND ? GROUP BY demarche_id, category, outcome`,
    ).run(month, ...days);
    db.prepare(
      `INSERT INTO survey_rollup_answer (grain, scope, period, item, answer, n)
       SELECT 'm', scope, ?, item, answer, sum(n) FROM survey_rollup_answer
       WHERE grain = 'd' AND period BETWEEN ? AND ? GROUP BY scope, item, answer`,
    ).run(month, ...days);
  }
}
