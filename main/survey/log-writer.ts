import type { Database } from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { SURVEY_ITEMS } from '../../preload/contract/survey';
import type { LogEntry, ResponseRow } from './log-entry';
import { Rollup } from './rollup';

/**
 * Writes one session's log entry and its survey response in ONE transaction: either both rows (and the entry's
 * démarches, themes, equipment, and their counts in the statistics' rollup) are in station.db, or none is. The response has no link to the entry: no shared
 * id, and a random row id so that not even the insertion order pairs them.
 */
export class LogWriter {
  private readonly insertSession;
  private readonly insertDemarche;
  private readonly insertTheme;
  private readonly insertEquipment;
  private readonly insertResponse;
  private readonly writeBoth;

  constructor(db: Database) {
    this.insertSession = db.prepare(`
      INSERT INTO survey_session (day, start_time, minutes, mediator, place_type, autonomy, oriented, orientation,
        pieces, receipt_printed, survey_answered, already_helped, age_band, gender, social_status)
      VALUES (@day, @startTime, @minutes, @mediator, @placeType, @autonomy, @oriented, @orientation,
        @pieces, @receiptPrinted, @surveyAnswered, @alreadyHelped, @ageBand, @gender, @socialStatus)`);
    this.insertDemarche = db.prepare(`
      INSERT INTO survey_session_demarche (session_id, position, day, demarche_id, category, outcome, orientation)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertTheme = db.prepare('INSERT INTO survey_session_theme (session_id, theme) VALUES (?, ?)');
    this.insertEquipment = db.prepare('INSERT INTO survey_session_equipment (session_id, equipment) VALUES (?, ?)');
    const rollup = new Rollup(db);
    this.insertResponse = db.prepare(`
      INSERT INTO survey_response (id, day, demarche_id, category, ${SURVEY_ITEMS.join(', ')}, recommend)
      VALUES (@id, @day, @demarcheId, @category, ${SURVEY_ITEMS.map((item) => `@${item}`).join(', ')}, @recommend)`);
    this.writeBoth = db.transaction((entry: LogEntry, response: ResponseRow | null) => {
      const { form } = entry;
      const id = this.insertSession.run({
        day: entry.day,
        startTime: entry.startTime,
        minutes: entry.minutes,
        mediator: entry.mediator,
        placeType: form.placeType,
        autonomy: form.autonomy,
        oriented: form.oriented ? 1 : 0,
        orientation: form.oriented ? form.orientation : null,
        pieces: entry.pieces,
        receiptPrinted: entry.receiptPrinted ? 1 : 0,
        surveyAnswered: entry.surveyAnswered ? 1 : 0,
        alreadyHelped: form.profile.alreadyHelped,
        ageBand: form.profile.ageBand,
        gender: form.profile.gender,
        socialStatus: form.profile.socialStatus,
      }).lastInsertRowid;
      entry.demarches.forEach((d, position) =>
        this.insertDemarche.run(id, position, entry.day, d.demarcheId, d.category, d.outcome, d.orientation),
      );
      for (const theme of form.themes) this.insertTheme.run(id, theme);
      for (const equipment of form.equipment) this.insertEquipment.run(id, equipment);
      if (response) {
        this.insertResponse.run({
          // A random id: the order of the responses must not tell which log entry each one goes with.
          id: randomInt(1, 2 ** 47),
          day: response.day,
          demarcheId: response.demarcheId,
          category: response.category,
          recommend: response.recommend,
          ...Object.fromEntries(SURVEY_ITEMS.map((item) => [item, response.levels[item] ?? null])),
        });
      }
      rollup.add(entry, response);
      return Number(id);
    });
  }

  /** Returns the new log entry's row id. Throws (and writes nothing) if any row is refused. */
  write(entry: LogEntry, response: ResponseRow | null): number {
    return this.writeBoth(entry, response) as number;
  }
}
