import { describe, expect, it } from 'vitest';
import { summaryModel } from '../../../main/survey/summary';
import { DEFAULT_MEDIATOR, seedStation } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { logSession } from './seed-log';
import { openStation } from './station';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir();
const web = { transport: 'web' as const };

describe('what the renderer can send to the survey', () => {
  it('refuses a value outside the codes and drops any field the contract does not name (no free text)', async () => {
    const dir = tempDir();
    seedStation(dir);
    const services = openStation(dir);
    const dispatch = stationDispatch(services);
    // Through the contract the accompaniment belongs to a signed-in mediator (access level `session`).
    await services.access.signIn('Camille', DEFAULT_MEDIATOR.pin);
    expect((await dispatch('session.start', undefined, web)).ok).toBe(true);

    const refused = await dispatch('survey.saveEndForm', { autonomy: 'un peu perdu, M. Dupont' }, web);
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const refusedAnswer = await dispatch('survey.answer', { question: 'accueil', answer: 'Super, merci Julie !' }, web);
    expect(refusedAnswer).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const accepted = await dispatch(
      'survey.saveEndForm',
      { autonomy: 'autonome', notes: 'Dossier 12AB34567 de M. Dupont', profile: { nom: 'Dupont' } },
      web,
    );
    expect(accepted).toEqual({ ok: true, value: { ok: true } });
    const answered = await dispatch(
      'survey.answer',
      { question: 'accueil', answer: 'satisfait', commentaire: 'Julie était top' },
      web,
    );
    expect(answered).toMatchObject({ ok: true, value: { answers: { accueil: 'satisfait' }, next: 'information' } });
    expect(JSON.stringify(answered)).not.toContain('Julie');
    await services.sessions.end('ended');

    const everything = JSON.stringify([
      services.db.prepare('SELECT * FROM survey_session').all(),
      services.db.prepare('SELECT * FROM survey_response').all(),
    ]);
    expect(everything).toContain('autonome');
    expect(everything).not.toMatch(/Dupont|12AB34567|Julie/);
    services.close();
  });
});

describe('the one-page summary for the counter', () => {
  it('says each item’s rate and number of opinions in French', () => {
    const services = openStation(tempDir());
    for (const level of ['tres_satisfait', 'tres_satisfait', 'satisfait', 'pas_satisfait', 'ne_sait_pas'] as const) {
      logSession(services.db, { day: '2026-03-10', answers: { accueil: level }, recommend: 'oui' });
    }
    const stats = services.survey.stats({
      from: '2026-03-01',
      to: '2026-03-31',
      granularity: 'month',
      demarcheId: null,
    });
    const model = summaryModel(stats, 'Préfecture de la Moselle');
    expect(model.period).toBe('Du 01/03/2026 au 31/03/2026');
    expect(model.intro).toMatch(/^5 usagers ont répondu/);
    expect(model.rows[0]).toEqual({ label: 'Accueil', rate: '75 %', count: '4 réponses' });
    expect(model.rows[1]).toEqual({ label: 'Information', rate: '—', count: 'aucune réponse' });
    expect(model.recommend).toBe('100 % recommanderaient ce point numérique (5 réponses).');
    services.close();
  });
});
