import type { Database } from 'better-sqlite3';
import type { Migration } from './index';

/*
 * The statistics' rollup (main/survey/rollup.ts keeps it up to date in the log writer's transaction): counts per day
 * (grain 'd', period YYYY-MM-DD) and per month (grain 'm', period YYYY-MM), so a year's statistics read twelve
 * month rows and the odd days at its edges instead of re-aggregating every logged session. `scope` is '*' for
 * every session or the démarche id a session included (the statistics' démarche filter). Counts and codes only,
 * like the raw log. The value lists are written out here because a shipped migration never changes.
 */
const AUTONOMY = ['entierement_accompagne', 'partiellement_autonome', 'autonome'];
const ITEMS = ['accueil', 'information', 'clarte', 'accompagnement', 'solution', 'securite'];

const OUTCOMES = ['deposee', 'incomplete', 'orientee', 'abandonnee', 'non_renseigne'];
const ANSWERS = ['tres_satisfait', 'satisfait', 'peu_satisfait', 'pas_satisfait', 'ne_sait_pas', 'oui', 'non', '*'];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
// Like the raw log: a text column holds a checked code, never free text.
const catalogCode = (column: string) =>
  `${column} TEXT NOT NULL CHECK (length(${column}) BETWEEN 1 AND 64 AND ${column} GLOB '[a-z0-9]*' AND ${column} NOT GLOB '*[^a-z0-9_-]*')`;
const scope = `scope TEXT NOT NULL CHECK (scope = '*' OR (length(scope) BETWEEN 1 AND 64 AND scope GLOB '[a-z0-9]*' AND scope NOT GLOB '*[^a-z0-9_-]*'))`;
const grain = `grain TEXT NOT NULL CHECK (grain IN ('d', 'm'))`;
const period = `period TEXT NOT NULL CHECK ((grain = 'd' AND length(period) = 10) OR (grain = 'm' AND length(period) = 7))`;
const count = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} >= 0)`;

export const m0005SurveyRollup: Migration = {
  version: 5,
  name: 'survey statistics rollup',
  up(db) {
    db.exec(`
      CREATE TABLE survey_rollup_day (
        ${scope},
        day TEXT NOT NULL CHECK (length(day) = 10),
        ${count('sessions')},
        ${count('answered')},
        ${count('autonomy_none')},
        ${AUTONOMY.map((code) => count(`autonomy_${code}`)).join(',\n        ')},
        PRIMARY KEY (scope, day)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_rollup_minutes (
        ${grain}, ${scope}, ${period},
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        ${count('n')},
        PRIMARY KEY (grain, scope, period, minutes)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_rollup_demarche (
        ${grain}, ${period},
        ${catalogCode('demarche_id')},
        ${catalogCode('category')},
        outcome TEXT NOT NULL CHECK (outcome IN (${list(OUTCOMES)})),
        ${count('n')},
        PRIMARY KEY (grain, period, demarche_id, category, outcome)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_rollup_answer (
        ${grain}, ${scope}, ${period},
        item TEXT NOT NULL CHECK (item IN (${list([...ITEMS, 'recommend', '*'])})),
        answer TEXT NOT NULL CHECK (answer IN (${list(ANSWERS)})),
        ${count('n')},
        PRIMARY KEY (grain, scope, period, item, answer)
      ) STRICT, WITHOUT ROWID;
    `);
    backfillRollup(db);
  },
};

/**
 * Fills the rollup from the raw log (a station upgraded with years of sessions already logged): day rows first,
 * then each month as the sum of its days.
 */
export function backfillRollup(db: Database): void {
  const scopes = `SELECT id AS session_id, '*' AS scope, day FROM survey_session
    UNION SELECT session_id, demarche_id, day FROM survey_session_demarche`;
  db.exec(`
    INSERT INTO survey_rollup_day (scope, day, sessions, answered, autonomy_none,
      ${AUTONOMY.map((code) => `autonomy_${code}`).join(', ')})
    SELECT sc.scope, sc.day, count(*), sum(s.survey_answered), sum(s.autonomy IS NULL),
      ${AUTONOMY.map((code) => `sum(s.autonomy IS '${code}')`).join(', ')}
    FROM (${scopes}) sc JOIN survey_session s ON s.id = sc.session_id
    GROUP BY sc.scope, sc.day;

    INSERT INTO survey_rollup_minutes (grain, scope, period, minutes, n)
    SELECT 'd', sc.scope, sc.day, s.minutes, count(*)
    FROM (${scopes}) sc JOIN survey_session s ON s.id = sc.session_id
    GROUP BY sc.scope, sc.day, s.minutes;

    INSERT INTO survey_rollup_demarche (grain, period, demarche_id, category, outcome, n)
    SELECT 'd', day, demarche_id, category, coalesce(outcome, 'non_renseigne'), count(*)
    FROM survey_session_demarche GROUP BY day, demarche_id, category, coalesce(outcome, 'non_renseigne');

    INSERT INTO survey_rollup_answer (grain, scope, period, item, answer, n)
    WITH scoped AS (
      SELECT '*' AS scope, r.* FROM survey_response r
      UNION ALL SELECT r.demarche_id, r.* FROM survey_response r WHERE r.demarche_id IS NOT NULL
    )
    SELECT 'd', scope, day, item, answer, count(*) FROM (
      ${[...ITEMS, 'recommend']
        .map((item) => `SELECT scope, day, '${item}' AS item, ${item} AS answer FROM scoped WHERE ${item} IS NOT NULL`)
        .join('\n      UNION ALL ')}
      UNION ALL SELECT scope, day, '*', '*' FROM scoped
    ) GROUP BY scope, day, item, answer;
  `);
  sumMonths(db);
}

/** Each month's rows as the sums of its day rows. */
function sumMonths(db: Database): void {
  db.exec(`
    INSERT INTO survey_rollup_minutes (grain, scope, period, minutes, n)
    SELECT 'm', scope, substr(period, 1, 7), minutes, sum(n) FROM survey_rollup_minutes
    WHERE grain = 'd' GROUP BY scope, substr(period, 1, 7), minutes;
    INSERT INTO survey_rollup_demarche (grain, period, demarche_id, category, outcome, n)
    SELECT 'm', substr(period, 1, 7), demarche_id, category, outcome, sum(n) FROM survey_rollup_demarche
    WHERE grain = 'd' GROUP BY substr(period, 1, 7), demarche_id, category, outcome;
    INSERT INTO survey_rollup_answer (grain, scope, period, item, answer, n)
    SELECT 'm', scope, substr(period, 1, 7), item, answer, sum(n) FROM survey_rollup_answer
    WHERE grain = 'd' GROUP BY scope, substr(period, 1, 7), item, answer;
  `);
}
