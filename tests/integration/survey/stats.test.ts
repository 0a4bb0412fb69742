import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import { SurveyStats } from '../../../main/survey/stats';
import { StatsQuerySchema } from '../../../preload/contract/survey';
import { useTempDir } from '../../helpers/temp-dir';
import { logSession } from './seed-log';

const tempDir = useTempDir();

function seeded() {
  const db = openStationDb(tempDir());
  // Five sessions in November 2026, one in October (outside the period), one on 1 December (outside).
  logSession(db, {
    day: '2026-11-02',
    minutes: 20,
    form: { autonomy: 'autonome' },
    demarches: [{ demarcheId: 'permis-renouvellement', outcome: 'deposee' }],
    answers: { accueil: 'tres_satisfait', information: 'satisfait', securite: 'ne_sait_pas' },
    recommend: 'oui',
  });
  logSession(db, {
    day: '2026-11-03',
    minutes: 45,
    form: { autonomy: 'entierement_accompagne' },
    demarches: [
      { demarcheId: 'cg-changement-titulaire', category: 'carte-grise', outcome: 'incomplete' },
      { demarcheId: 'permis-renouvellement', outcome: 'deposee' },
    ],
    answers: { accueil: 'satisfait', information: 'peu_satisfait' },
    recommend: 'oui',
  });
  logSession(db, {
    day: '2026-11-10',
    minutes: 90,
    form: { autonomy: 'entierement_accompagne' },
    demarches: [{ demarcheId: 'cni-pre-demande', category: 'identite', outcome: 'orientee', orientation: 'mairie' }],
    answers: { accueil: 'pas_satisfait', information: 'ne_sait_pas' },
    recommend: 'non',
  });
  logSession(db, {
    day: '2026-11-10',
    minutes: 150,
    demarches: [{ demarcheId: 'cg-changement-titulaire', category: 'carte-grise', outcome: null }],
  });
  logSession(db, { day: '2026-11-30', minutes: 10, answers: { accueil: 'ne_sait_pas' } });
  logSession(db, { day: '2026-10-31', minutes: 5, answers: { accueil: 'pas_satisfait' } });
  logSession(db, { day: '2026-12-01', minutes: 5, answers: { accueil: 'pas_satisfait' } });
  return db;
}

const november = (extra: Record<string, unknown> = {}) =>
  StatsQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', ...extra });

describe('statistics of a period', () => {
  it('counts the sessions of the period, bounds included, with their median duration and buckets', () => {
    const db = seeded();
    const stats = new SurveyStats(db).compute(november());
    expect(stats.sessions).toBe(5);
    expect(stats.surveyAnswered).toBe(4);
    expect(stats.medianMinutes).toBe(45); // 10, 20, 45, 90, 150
    expect(stats.durations).toEqual({ moins_30: 2, de_30_a_60: 1, de_60_a_120: 1, plus_120: 1 });
    expect(stats.autonomy).toEqual({
      entierement_accompagne: 2,
      partiellement_autonome: 0,
      autonome: 1,
      non_renseigne: 2,
    });
    expect(stats.outcomes).toEqual({ deposee: 2, incomplete: 1, orientee: 1, abandonnee: 0, non_renseigne: 1 });
    db.close();
  });

  it('computes each item’s satisfaction rate by hand-checkable figures', () => {
    const db = seeded();
    const { satisfaction } = new SurveyStats(db).compute(november());
    expect(satisfaction.responses).toBe(4);
    const accueil = satisfaction.items.find((i) => i.item === 'accueil')!;
    // très satisfait 1, satisfait 1, pas satisfait 1, je ne sais pas 1 → 2 / 3.
    expect(accueil.counts).toEqual({
      tres_satisfait: 1,
      satisfait: 1,
      peu_satisfait: 0,
      pas_satisfait: 1,
      ne_sait_pas: 1,
    });
    expect(accueil.answered).toBe(3);
    expect(accueil.rate).toBeCloseTo(2 / 3, 10);
    const information = satisfaction.items.find((i) => i.item === 'information')!;
    expect(information.answered).toBe(2);
    expect(information.rate).toBe(0.5);
    const securite = satisfaction.items.find((i) => i.item === 'securite')!;
    expect(securite.answered).toBe(0);
    expect(securite.rate).toBeNull();
    expect(satisfaction.recommend).toEqual({ oui: 2, non: 1, ne_sait_pas: 0 });
    db.close();
  });

  it('breaks the figures down per démarche and filters the whole screen on one démarche', () => {
    const db = seeded();
    const stats = new SurveyStats(db).compute(november({ demarcheId: 'permis-renouvellement' }));
    expect(stats.sessions).toBe(2);
    expect(stats.medianMinutes).toBe(32.5);
    expect(stats.outcomes.deposee).toBe(2);
    expect(stats.outcomes.incomplete).toBe(0);
    expect(stats.satisfaction.responses).toBe(1); // the response goes with the first démarche of its session
    expect(stats.demarcheIds).toEqual(['cg-changement-titulaire', 'cni-pre-demande', 'permis-renouvellement']);
    const cg = stats.byDemarche.find((d) => d.demarcheId === 'cg-changement-titulaire')!;
    expect(cg).toMatchObject({ category: 'carte-grise', sessions: 2 });
    expect(cg.outcomes).toMatchObject({ incomplete: 1, non_renseigne: 1 });
    db.close();
  });

  it('gives a series per day, week or month with the empty periods at zero', () => {
    const db = seeded();
    const stats = new SurveyStats(db);
    const weeks = stats.compute(november({ granularity: 'week' })).series;
    expect(weeks).toEqual([
      { period: '2026-W44', sessions: 0 }, // Sunday 1 November
      { period: '2026-W45', sessions: 2 }, // Monday 2 and Tuesday 3
      { period: '2026-W46', sessions: 2 },
      { period: '2026-W47', sessions: 0 },
      { period: '2026-W48', sessions: 0 },
      { period: '2026-W49', sessions: 1 },
    ]);
    const days = stats.compute(november()).series;
    expect(days).toHaveLength(30);
    expect(days.find((d) => d.period === '2026-11-10')!.sessions).toBe(2);
    expect(
      stats
        .compute(StatsQuerySchema.parse({ from: '2026-01-01', to: '2026-12-31', granularity: 'month' }))
        .series.map((s) => s.sessions),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1]);
    db.close();
  });

  it('answers with zeros and no rate for a period without any session', () => {
    const db = openStationDb(tempDir());
    const stats = new SurveyStats(db).compute(november());
    expect(stats.sessions).toBe(0);
    expect(stats.medianMinutes).toBeNull();
    expect(stats.satisfaction.items.every((i) => i.rate === null)).toBe(true);
    db.close();
  });
});
