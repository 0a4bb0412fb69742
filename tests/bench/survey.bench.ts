/**
 * Statistics and export on a busy counter's five years: 100 000 logged sessions (≈ 55 a day) in a real
 * station.db. The statistics come from the rollup the log writer keeps (main/survey/rollup.ts); the raw-log queries
 * they replaced (tests/helpers/raw-stats-rows.ts) run beside them for comparison. Targets: a full year's statistics
 * < 10 ms, flat as years of data pile up; the CSV export of every row < 2 s.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStationDb } from '../../main/db/open';
import { sessionLogCsv } from '../../main/survey/exports';
import type { LogEntry, ResponseRow } from '../../main/survey/log-entry';
import { LogWriter } from '../../main/survey/log-writer';
import { SurveyStats } from '../../main/survey/stats';
import { rawStatsRows } from '../helpers/raw-stats-rows';
import {
  AUTONOMY_CODES,
  EndFormSchema,
  OUTCOME_CODES,
  SATISFACTION_LEVELS,
  SURVEY_ITEMS,
  type SatisfactionLevel,
} from '../../preload/contract/survey';

const SESSIONS = 100_000;
const DEMARCHES = [
  ['permis-renouvellement', 'permis'],
  ['permis-duplicata', 'permis'],
  ['cg-changement-titulaire', 'carte-grise'],
  ['cg-changement-adresse', 'carte-grise'],
  ['cg-declaration-cession', 'carte-grise'],
  ['cni-pre-demande', 'identite'],
  ['passeport-pre-demande', 'identite'],
] as const;

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Wall time and CPU time of one call: on a shared 2-core machine the CPU time says what the code costs. */
function timed<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

function summary(samples: Array<{ ms: number; cpuMs: number }>): string {
  const at = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  };
  const wall = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs);
  return `wall median ${at(wall, 0.5).toFixed(1)} ms, p90 ${at(wall, 0.9).toFixed(1)} ms; CPU median ${at(cpu, 0.5).toFixed(1)} ms`;
}

function medianOf(samples: Array<{ ms: number }>): number {
  return [...samples].map((s) => s.ms).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pn-bench-survey-'));
  try {
    const db = openStationDb(dir);
    const writer = new LogWriter(db);
    const rand = random(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const first = Date.UTC(2021, 0, 4);
    const span = 5 * 365;

    const writeSessions = (start: number, end: number) =>
      db.transaction(() => {
        for (let i = start; i < end; i++) {
          const day = new Date(first + Math.floor((i / SESSIONS) * span) * 86_400_000).toISOString().slice(0, 10);
          const count = rand() < 0.2 ? 2 : 1;
          const demarches = Array.from({ length: count }, () => {
            const [demarcheId, category] = pick(DEMARCHES);
            const outcome = rand() < 0.1 ? null : pick(OUTCOME_CODES);
            return { demarcheId, category, outcome, orientation: outcome === 'orientee' ? 'mairie' : null };
          });
          const answered = rand() < 0.6;
          const entry: LogEntry = {
            day,
            startTime: `${String(9 + Math.floor(rand() * 8)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
            minutes: 5 + Math.floor(rand() * 110),
            mediator: pick(['Camille', 'Lou', 'Sacha', 'Noa']),
            form: EndFormSchema.parse({
              autonomy: rand() < 0.15 ? null : pick(AUTONOMY_CODES),
              themes: ['transports_mobilite'],
              equipment: ['ordinateur', 'scanner'],
            }),
            demarches,
            pieces: Math.floor(rand() * 5),
            receiptPrinted: rand() < 0.7,
            surveyAnswered: answered,
          };
          const levels: Partial<Record<(typeof SURVEY_ITEMS)[number], SatisfactionLevel>> = {};
          for (const item of SURVEY_ITEMS) if (rand() < 0.9) levels[item] = pick(SATISFACTION_LEVELS);
          const response: ResponseRow | null = answered
            ? { day, demarcheId: demarches[0]!.demarcheId, category: demarches[0]!.category, levels, recommend: 'oui' }
            : null;
          writer.write(entry, response);
        }
      })();
    const rolled = new SurveyStats(db);
    const raw = new SurveyStats(db, rawStatsRows(db));
    const fullYear = (year: number) => ({
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      granularity: 'month' as const,
      demarcheId: null,
    });
    // Wall and CPU medians of 15 calls (on a loaded machine the CPU time says what the code costs).
    const median = (run: () => unknown) => {
      const samples = Array.from({ length: 15 }, () => timed(run));
      const at = (values: number[]) => values.sort((a, b) => a - b)[7]!;
      return { ms: at(samples.map((s) => s.ms)), cpuMs: at(samples.map((s) => s.cpuMs)) };
    };
    // Flat as years pile up: the same full-year statistics after each year of data.
    let seededMs = 0;
    const growth: string[] = [];
    for (let year = 1; year <= 5; year++) {
      seededMs += timed(() => writeSessions(((year - 1) * SESSIONS) / 5, (year * SESSIONS) / 5)).ms;
      const query = fullYear(2021);
      const r = median(() => raw.compute(query));
      const u = median(() => rolled.compute(query));
      growth.push(
        `  ${year} year(s), ${(year * SESSIONS) / 5} sessions: raw ${r.ms.toFixed(1)} ms (CPU ${r.cpuMs.toFixed(1)}), ` +
          `rollup ${u.ms.toFixed(1)} ms (CPU ${u.cpuMs.toFixed(1)}) — ×${(r.cpuMs / u.cpuMs).toFixed(1)} less CPU`,
      );
    }
    const seeded = { ms: seededMs };
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('optimize');
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2 cores)`,
    );
    console.log(
      `seeded ${SESSIONS} sessions (5 years) in ${(seeded.ms / 1000).toFixed(1)} s; station.db ${(
        statSync(join(dir, 'station.db')).size /
        1024 /
        1024
      ).toFixed(1)} MiB`,
    );

    console.log('statistics of the year 2021 as years of data pile up (median of 15):');
    for (const line of growth) console.log(line);
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const cold = timed(() => rolled.compute({ ...year, granularity: 'month', demarcheId: null }));
    console.log(
      `statistics, full year (${cold.value.sessions} sessions, ${cold.value.satisfaction.responses} responses): first call ${cold.ms.toFixed(1)} ms`,
    );
    for (const [label, query] of [
      ['full year, all démarches, by month', { ...year, granularity: 'month' as const, demarcheId: null }],
      ['full year, all démarches, by day', { ...year, granularity: 'day' as const, demarcheId: null }],
      ['full year, one démarche, by week', { ...year, granularity: 'week' as const, demarcheId: 'cni-pre-demande' }],
      [
        'one month, all démarches, by day',
        { from: '2024-06-01', to: '2024-06-30', granularity: 'day' as const, demarcheId: null },
      ],
    ] as const) {
      const before = Array.from({ length: 20 }, () => timed(() => raw.compute(query)));
      const after = Array.from({ length: 20 }, () => timed(() => rolled.compute(query)));
      const ratio = medianOf(before.map((b) => ({ ms: b.cpuMs }))) / medianOf(after.map((a) => ({ ms: a.cpuMs })));
      console.log(`statistics, ${label}:`);
      console.log(`  raw log: ${summary(before)}`);
      console.log(`  rollup:  ${summary(after)} (target < 10 ms) — ×${ratio.toFixed(1)} less CPU`);
    }

    const exports: Array<{ ms: number; cpuMs: number }> = [];
    let rows = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const made = timed(() =>
        sessionLogCsv(db, 'Sous-préfecture de Test', { from: '0000-01-01', to: '9999-12-31', demarcheId: null }),
      );
      exports.push(made);
      rows = made.value.rows;
      bytes = Buffer.byteLength(made.value.csv);
    }
    console.log(
      `CSV export of the whole log (${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB): ${summary(exports)} (target < 2000 ms)`,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
