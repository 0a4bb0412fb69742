import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../helpers/fake-clock';
import { openTestStation, stationDispatch } from '../../helpers/station';
import { seedStation } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const web = { transport: 'web' as const };

/** A set-up station (Camille / 1234) with Camille signed in and an accompaniment running, behind the dispatcher. */
async function counter() {
  const dir = tempDir();
  // A long idle timeout: the tests below wait out the exit's pauses with the session still running.
  seedStation(dir, { config: { session: { idleMinutes: 120 } } });
  const clock = new FakeClock();
  const services = openTestStation(dir, { clock });
  const dispatch = stationDispatch(services);
  await services.access.signIn('Camille', '482915');
  services.sessions.start({ id: services.access.currentMediator()!.id, pseudonym: 'Camille' });
  const call = async (channel: string, input?: unknown) => {
    const result = await dispatch(channel, input, web);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  const refusal = async (channel: string, input?: unknown) => {
    const result = await dispatch(channel, input, web);
    if (result.ok) throw new Error(`${channel} was accepted`);
    return result.error;
  };
  return { services, clock, call, refusal };
}

describe("the usager's survey, kept in main", () => {
  it('loses no answer when the screen reloads in the middle: it resumes at the next unanswered question', async () => {
    const { services, call } = await counter();
    expect(await call('survey.progress')).toMatchObject({ stage: 'intro', next: 'accueil' });
    await call('survey.begin');
    await call('survey.answer', { question: 'accueil', answer: 'pas_satisfait' });
    await call('survey.answer', { question: 'information', answer: 'pas_satisfait' });
    await call('survey.answer', { question: 'clarte', answer: null }); // "Passer cette question"

    // The reload: a new renderer knows nothing and asks main where the survey stands.
    const resumed = await call('survey.progress');
    expect(resumed).toMatchObject({
      stage: 'questions',
      next: 'accompagnement',
      answers: { accueil: 'pas_satisfait', information: 'pas_satisfait' },
      skipped: ['clarte'],
    });
    // The first answer after the reload adds to the others (today it replaced them all).
    const after = await call('survey.answer', { question: 'accompagnement', answer: 'tres_satisfait' });
    expect(after.answers).toEqual({
      accueil: 'pas_satisfait',
      information: 'pas_satisfait',
      accompagnement: 'tres_satisfait',
    });
    // "Retour" to change one answer changes that one only.
    await call('survey.answer', { question: 'information', answer: 'peu_satisfait' });
    await call('survey.answer', { question: 'solution', answer: 'satisfait' });
    await call('survey.answer', { question: 'securite', answer: 'ne_sait_pas' });
    expect(await call('survey.answer', { question: 'recommend', answer: 'oui' })).toMatchObject({
      stage: 'thanks',
      next: null,
    });

    await call('session.end', { reason: 'ended' });
    const rows = services.db
      .prepare(
        'SELECT accueil, information, clarte, accompagnement, solution, securite, recommend FROM survey_response',
      )
      .all();
    expect(rows).toEqual([
      {
        accueil: 'pas_satisfait',
        information: 'peu_satisfait',
        clarte: null,
        accompagnement: 'tres_satisfait',
        solution: 'satisfait',
        securite: 'ne_sait_pas',
        recommend: 'oui',
      },
    ]);
    const stats = services.survey.stats({
      from: '2026-01-01',
      to: '2026-12-31',
      granularity: 'month',
      demarcheId: null,
    });
    expect(stats.satisfaction.items.find((i) => i.item === 'accueil')?.counts.pas_satisfait).toBe(1);
    services.close();
  });

  it('keeps the answers given before "Je ne veux pas répondre", and starts afresh for the next usager', async () => {
    const { services, call } = await counter();
    await call('survey.answer', { question: 'accueil', answer: 'satisfait' });
    expect(await call('survey.decline')).toMatchObject({ stage: 'thanks', answers: { accueil: 'satisfait' } });
    await call('session.end', { reason: 'ended' });
    expect(services.db.prepare('SELECT accueil FROM survey_response').all()).toEqual([{ accueil: 'satisfait' }]);

    services.sessions.start({ id: services.access.currentMediator()!.id, pseudonym: 'Camille' });
    expect(await call('survey.progress')).toMatchObject({ stage: 'intro', answers: {}, skipped: [], next: 'accueil' });
    services.close();
  });

  it('refuses free text and unknown questions', async () => {
    const { services, refusal } = await counter();
    expect((await refusal('survey.answer', { question: 'accueil', answer: 'Super, merci Julie !' })).code).toBe(
      'bad_request',
    );
    expect((await refusal('survey.answer', { question: 'commentaire', answer: 'satisfait' })).code).toBe('bad_request');
    expect((await refusal('survey.answer', { question: 'recommend', answer: 'tres_satisfait' })).code).toBe(
      'bad_request',
    );
    services.close();
  });
});

describe('"Réservé au médiateur" on the survey', () => {
  it('never locks the mediator account: 3 wrong tries, then "Appelez le médiateur" and a wait', async () => {
    const { services, clock, call, refusal } = await counter();
    const id = services.access.currentMediator()!.id;
    for (let i = 0; i < 2; i++) {
      expect(await refusal('survey.exit', { pin: '0000' })).toMatchObject({ code: 'pin_wrong' });
    }
    const third = await refusal('survey.exit', { pin: '0000' });
    expect(third.code).toBe('survey_exit_wait');
    expect(third.message).toMatch(/^Appelez le médiateur\./);
    expect(third.message).toContain('1 min');
    // During the wait even the right PIN is not checked, so guessing stays slow.
    expect((await refusal('survey.exit', { pin: '482915' })).code).toBe('survey_exit_wait');

    // Many more wrong tries, waiting each time: the account itself never counts a single one.
    for (let round = 0; round < 5; round++) {
      clock.advance(16 * 60_000);
      for (let i = 0; i < 3; i++) await refusal('survey.exit', { pin: '9876' });
    }
    expect(services.access.store.mediator(id)).toMatchObject({ failedTries: 0, lockouts: 0, lockedUntil: null });
    expect(services.journal.list({ code: 'mediator.locked_out' })).toEqual([]);

    // The mediator, once the wait is over, gets back in; and can still sign in afterwards.
    clock.advance(16 * 60_000);
    expect(await call('survey.exit', { pin: '482915' })).toEqual({ ok: true });
    await services.sessions.end('ended');
    await services.access.signOut();
    await services.access.signIn('Camille', '482915');
    services.close();
  });

  it('waits longer after each round of wrong tries (1, 2, 4 … minutes)', async () => {
    const { services, clock, refusal } = await counter();
    for (let i = 0; i < 3; i++) await refusal('survey.exit', { pin: '0000' });
    clock.advance(60_000);
    for (let i = 0; i < 2; i++) await refusal('survey.exit', { pin: '0000' });
    expect((await refusal('survey.exit', { pin: '0000' })).message).toContain('2 min');
    clock.advance(119_000);
    expect((await refusal('survey.exit', { pin: '482915' })).code).toBe('survey_exit_wait');
    services.close();
  });
});
