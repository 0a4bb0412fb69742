import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backfillRollup } from '../../../main/db/migrations/0005-survey-rollup';
import { openStationDb } from '../../../main/db/open';
import { purgeExpired } from '../../../main/survey/retention';
import { SurveyStats } from '../../../main/survey/stats';
import {
  AUTONOMY_CODES,
  OUTCOME_CODES,
  RECOMMEND_ANSWERS,
  SATISFACTION_LEVELS,
  SURVEY_ITEMS,
  type SatisfactionLevel,
  type SurveyItem,
} from '../../../preload/contract/survey';
import { rawStatsRows } from '../../helpers/raw-stats-rows';
import { useTempDir } from '../../helpers/temp-dir';
import { logSession } from './seed-log';

const tempDir = useTempDir();
const TABLES = ['survey_rollup_day', 'survey_rollup_minutes', 'survey_rollup_demarche', 'survey_rollup_answer'];
const DEMARCHES = [
  ['permis-renouvellement', 'permis'],
  ['cg-changement-adresse', 'carte-grise'],
  ['cni-pre-demande', 'identite'],
] as const;

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const snapshot = (db: Database) =>
  Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4, 5`).all()]));

/** The rollup as a recount from the raw rows would make it (the migration's backfill, on emptied tables). */
function recount(db: Database) {
  const kept = snapshot(db);
  db.transaction(() => {
    for (const table of TABLES) db.prepare(`DELETE FROM ${table}`).run();
    backfillRollup(db);
  })();
  const recounted = snapshot(db);
  return { kept, recounted };
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("the statistics' rollup", () => {
  it('equals a recount from the raw log after random writes and retention purges', () => {
    const db = openStationDb(tempDir());
    const rand = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const first = Date.UTC(2023, 0, 1);
    const raw = new SurveyStats(db, rawStatsRows(db));
    const rolled = new SurveyStats(db);
    let written = 0;

    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 150; i++) {
        const day = dayOf(first + Math.floor(rand() * 3 * 365) * 86_400_000);
        // Up to three démarches, sometimes the same one twice (the session counts once in its scope).
        const demarches = Array.from({ length: Math.floor(rand() * 4) }, () => {
          const [demarcheId, category] = pick(DEMARCHES);
          return { demarcheId, category, outcome: rand() < 0.2 ? null : pick(OUTCOME_CODES) };
        });
        const answers: Partial<Record<SurveyItem, SatisfactionLevel>> = {};
        for (const item of SURVEY_ITEMS) if (rand() < 0.7) answers[item] = pick(SATISFACTION_LEVELS);
        const answered = rand() < 0.6;
        logSession(db, {
          day,
          minutes: Math.floor(rand() * 150),
          demarches,
          form: { autonomy: rand() < 0.2 ? null : pick(AUTONOMY_CODES) },
          ...(answered ? { answers, recommend: rand() < 0.3 ? null : pick(RECOMMEND_ANSWERS) } : {}),
        });
        written++;
      }
      // A purge whose cutoff falls in the middle of a month, later each round.
      const now = new Date(Date.UTC(2024, 3 + round * 5, 1 + Math.floor(rand() * 27), 12));
      purgeExpired(db, 12, now);

      const { kept, recounted } = recount(db);
      expect(kept).toEqual(recounted);
      expect((kept.survey_rollup_day as unknown[]).length).toBeGreaterThan(0);

      // And the statistics read from the rollup are those of the raw log, for whole and odd periods alike.
      for (let q = 0; q < 12; q++) {
        const a = first + Math.floor(rand() * 3 * 365) * 86_400_000;
        const b = a + Math.floor(rand() * 400) * 86_400_000;
        const query = {
          from: dayOf(a),
          to: dayOf(b),
          granularity: pick(['day', 'week', 'month'] as const),
          demarcheId: rand() < 0.5 ? null : pick(DEMARCHES)[0],
        };
        expect(rolled.compute(query), JSON.stringify(query)).toEqual(raw.compute(query));
      }
    }
    expect(written).toBe(600);
    const year = { from: '2025-01-01', to: '2025-12-31', granularity: 'month' as const, demarcheId: null };
    expect(rolled.compute(year).sessions).toBeGreaterThan(0);
    expect(rolled.compute(year)).toEqual(raw.compute(year));
    db.close();
  });

  it('is written in the log writer’s transaction: a refused row leaves no count behind', () => {
    const db = openStationDb(tempDir());
    expect(() => logSession(db, { day: '2026-03-10', demarches: [{ demarcheId: 'Dossier de M. Dupont' }] })).toThrow(
      /CHECK/,
    );
    for (const table of TABLES) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    db.close();
  });
});
