import { describe, expect, it } from 'vitest';
import {
  buildLogRows,
  catalogCode,
  logPseudonym,
  prefillForm,
  quarterHour,
  reportStructure,
} from '../../../main/survey/log-entry';
import { emptyFacts, type SessionFacts } from '../../../main/session/facts';

const facts = (overrides: Partial<SessionFacts> = {}): SessionFacts => ({ ...emptyFacts(), ...overrides });

describe('the log entry of a session', () => {
  it('rounds the start time down to the quarter hour and keeps the duration in minutes', () => {
    expect(quarterHour(new Date(2026, 10, 23, 9, 0))).toBe('09:00');
    expect(quarterHour(new Date(2026, 10, 23, 9, 14, 59))).toBe('09:00');
    expect(quarterHour(new Date(2026, 10, 23, 9, 15))).toBe('09:15');
    expect(quarterHour(new Date(2026, 10, 23, 23, 59))).toBe('23:45');
    const { entry } = buildLogRows({
      startedAt: new Date(2026, 10, 23, 14, 37, 12),
      endedAt: new Date(2026, 10, 23, 15, 19, 40),
      pseudonym: 'Camille',
      facts: facts(),
      form: undefined,
      answers: undefined,
    });
    expect(entry).toMatchObject({ day: '2026-11-23', startTime: '14:30', minutes: 42, mediator: 'Camille' });
  });

  it('pre-fills themes, equipment and orientation from what the session did', () => {
    const form = prefillForm(
      facts({
        demarches: [
          { demarcheId: 'permis-renouvellement', category: 'permis', outcome: 'deposee' },
          { demarcheId: 'cni-pre-demande', category: 'identite', outcome: 'orientee', orientation: 'mairie' },
        ],
        piecesImported: 3,
        receiptPrinted: true,
      }),
    );
    expect(form.themes).toEqual(['transports_mobilite', 'papiers_elections_citoyennete']);
    expect(form.equipment).toEqual(['ordinateur', 'scanner', 'imprimante']);
    expect(form.oriented).toBe(true);
    expect(form.orientation).toBe('administration');
    expect(form.autonomy).toBeNull();
    expect(form.profile).toEqual({
      alreadyHelped: 'non_communique',
      ageBand: 'non_communique',
      gender: 'non_communique',
      socialStatus: 'non_communique',
    });
  });

  it("maps the flow's orientation codes to the activity report's structure kinds", () => {
    expect(reportStructure('mairie')).toBe('administration');
    expect(reportStructure('ants')).toBe('operateur_ou_organisme_en_charge');
    expect(reportStructure('france-services')).toBe('aide_aux_demarches_administratives');
    expect(reportStructure('quelque chose d’inconnu')).toBe('autre');
  });

  it('reduces anything that is not a catalog code to one, so no free text can slip into the log', () => {
    expect(catalogCode('carte-grise')).toBe('carte-grise');
    expect(catalogCode('M. Dupont, 12 rue de la Paix')).toBe('m-dupont-12-rue-de-la-paix');
    expect(catalogCode('Échange')).toBe('echange');
    expect(catalogCode('   ')).toBe('inconnu');
    expect(logPseudonym('Camille\nDupont')).toBe('Camille Dupont');
    expect(logPseudonym('x'.repeat(80))).toHaveLength(40);
  });

  it('writes a survey response only when the usager answered something, with the first démarche', () => {
    const base = {
      startedAt: new Date(2026, 0, 5, 10, 0),
      endedAt: new Date(2026, 0, 5, 10, 20),
      pseudonym: 'Lou',
      facts: facts({ demarches: [{ demarcheId: 'ci-changement-titulaire', category: 'carte-grise', outcome: null }] }),
      form: undefined,
    };
    const skipped = buildLogRows({ ...base, answers: { answers: {}, recommend: null } });
    expect(skipped.response).toBeNull();
    expect(skipped.entry.surveyAnswered).toBe(false);
    const answered = buildLogRows({ ...base, answers: { answers: { accueil: 'satisfait' }, recommend: null } });
    expect(answered.entry.surveyAnswered).toBe(true);
    expect(answered.response).toEqual({
      day: '2026-01-05',
      demarcheId: 'ci-changement-titulaire',
      category: 'carte-grise',
      levels: { accueil: 'satisfait' },
      recommend: null,
    });
  });

  it('drops the orientation kind when the mediator unticks "orienté"', () => {
    const { entry } = buildLogRows({
      startedAt: new Date(2026, 0, 5, 10, 0),
      endedAt: new Date(2026, 0, 5, 10, 20),
      pseudonym: 'Lou',
      facts: facts(),
      form: { ...prefillForm(facts()), oriented: false, orientation: 'administration' },
      answers: undefined,
    });
    expect(entry.form.orientation).toBeNull();
  });
});
