import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import { buildLogRows } from '../../../main/survey/log-entry';
import { LogWriter } from '../../../main/survey/log-writer';
import { emptyFacts } from '../../../main/session/facts';
import type { SatisfactionLevel } from '../../../preload/contract/survey';
import { useTempDir } from '../../helpers/temp-dir';
import { FakeClock } from '../../helpers/fake-clock';
import { openStation } from './station';

const tempDir = useTempDir();

const count = (db: ReturnType<typeof openStationDb>, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function rows(levels: Record<string, string> = { accueil: 'tres_satisfait' }) {
  return buildLogRows({
    startedAt: new Date(2026, 10, 23, 9, 20),
    endedAt: new Date(2026, 10, 23, 9, 50),
    pseudonym: 'Camille',
    facts: {
      ...emptyFacts(),
      demarches: [{ demarcheId: 'permis-renouvellement', category: 'permis', outcome: 'deposee' }],
      piecesImported: 2,
    },
    form: undefined,
    answers: { answers: levels as Record<string, SatisfactionLevel>, recommend: 'oui' },
  });
}

describe('writing a session to the anonymous log', () => {
  it('writes the entry, its démarches, themes, equipment and the survey response together', () => {
    const db = openStationDb(tempDir());
    const { entry, response } = rows();
    new LogWriter(db).write(entry, response);
    expect(
      db.prepare('SELECT day, start_time, minutes, mediator, pieces, survey_answered FROM survey_session').get(),
    ).toEqual({
      day: '2026-11-23',
      start_time: '09:15',
      minutes: 30,
      mediator: 'Camille',
      pieces: 2,
      survey_answered: 1,
    });
    expect(count(db, 'survey_session_demarche')).toBe(1);
    expect(count(db, 'survey_session_theme')).toBe(1);
    expect(count(db, 'survey_session_equipment')).toBe(2);
    expect(db.prepare('SELECT accueil, information, recommend, demarche_id FROM survey_response').get()).toEqual({
      accueil: 'tres_satisfait',
      information: null,
      recommend: 'oui',
      demarche_id: 'permis-renouvellement',
    });
    db.close();
  });

  it('leaves neither the entry nor the answers when the write fails half-way (one transaction)', () => {
    const db = openStationDb(tempDir());
    // The entry and its démarches are valid; the response is refused by its CHECK after they were inserted.
    const { entry, response } = rows({ accueil: 'génial' });
    expect(() => new LogWriter(db).write(entry, response)).toThrow(/CHECK/);
    for (const table of [
      'survey_session',
      'survey_session_demarche',
      'survey_session_theme',
      'survey_session_equipment',
      'survey_response',
    ]) {
      expect(count(db, table), table).toBe(0);
    }
    db.close();
  });

  it('gives the survey responses random row ids, so their order does not pair them with log entries', () => {
    const db = openStationDb(tempDir());
    const writer = new LogWriter(db);
    for (let i = 0; i < 20; i++) {
      const { entry, response } = rows();
      writer.write(entry, response);
    }
    const ids = (db.prepare('SELECT id FROM survey_response').all() as Array<{ id: number }>).map((r) => r.id);
    const sorted = [...ids].sort((a, b) => a - b);
    expect(ids).toHaveLength(20);
    expect(sorted[19]! - sorted[0]!).toBeGreaterThan(1000);
    db.close();
  });
});

describe('the end of a session', () => {
  it("writes the mediator's form and the usager's answers when the session ends, then forgets them", async () => {
    const dir = tempDir();
    const clock = new FakeClock(new Date(2026, 10, 23, 10, 2).getTime());
    const services = openStation(dir, { clock });
    const session = services.sessions.start({ id: null, pseudonym: 'Camille' });
    session.facts.demarches.push({ demarcheId: 'cg-changement-adresse', category: 'carte-grise', outcome: 'deposee' });
    session.facts.receiptPrinted = true;
    const prefilled = services.survey.endOfSession();
    expect(prefilled.form.equipment).toEqual(['ordinateur', 'imprimante']);
    services.survey.saveEndForm({
      ...prefilled.form,
      autonomy: 'partiellement_autonome',
      profile: {
        alreadyHelped: 'oui',
        ageBand: 'soixante_dix_plus',
        gender: 'non_communique',
        socialStatus: 'retraite',
      },
    });
    services.survey.answer({ question: 'accueil', answer: 'tres_satisfait' });
    services.survey.answer({ question: 'securite', answer: 'ne_sait_pas' });
    services.survey.answer({ question: 'recommend', answer: 'oui' });
    clock.advance(47 * 60_000);
    const report = await services.sessions.end('ended');
    expect(report?.problems).toEqual([]);

    const db = services.db;
    expect(db.prepare('SELECT * FROM survey_session').get()).toMatchObject({
      day: '2026-11-23',
      start_time: '10:00',
      minutes: 47,
      mediator: 'Camille',
      autonomy: 'partiellement_autonome',
      receipt_printed: 1,
      survey_answered: 1,
      already_helped: 'oui',
      age_band: 'soixante_dix_plus',
      social_status: 'retraite',
    });
    expect(db.prepare('SELECT outcome, category FROM survey_session_demarche').get()).toEqual({
      outcome: 'deposee',
      category: 'carte-grise',
    });
    expect(db.prepare('SELECT accueil, securite, recommend FROM survey_response').get()).toEqual({
      accueil: 'tres_satisfait',
      securite: 'ne_sait_pas',
      recommend: 'oui',
    });
    expect(await services.survey.participant().verify!(session)).toEqual([]);
    services.close();
  });

  it('writes the log entry of a session that ends by idle timeout, with what the app knew', async () => {
    const services = openStation(tempDir());
    const session = services.sessions.start({ id: null, pseudonym: 'Lou' });
    session.facts.piecesImported = 4;
    await services.sessions.end('idle');
    expect(services.db.prepare('SELECT pieces, survey_answered, autonomy FROM survey_session').get()).toEqual({
      pieces: 4,
      survey_answered: 0,
      autonomy: null,
    });
    expect(count(services.db, 'survey_response')).toBe(0);
    services.close();
  });

  it('loses only the session in progress when the station stops without ending it (crash)', async () => {
    const dir = tempDir();
    const first = openStation(dir);
    first.sessions.start({ id: null, pseudonym: 'Camille' });
    await first.sessions.end('ended');
    first.sessions.start({ id: null, pseudonym: 'Camille' });
    first.survey.answer({ question: 'accueil', answer: 'satisfait' });
    first.db.close(); // the process dies: nothing of the running session was written
    const db = openStationDb(dir);
    expect(count(db, 'survey_session')).toBe(1);
    expect(count(db, 'survey_response')).toBe(0);
    db.close();
  });

  it('refuses survey answers when the survey is switched off', () => {
    const services = openStation(tempDir());
    services.config.setSection('survey', { enabled: false });
    services.sessions.start({ id: null, pseudonym: 'Camille' });
    expect(() => services.survey.answer({ question: 'accueil', answer: 'satisfait' })).toThrow(/désactivée/);
    services.close();
  });
});
