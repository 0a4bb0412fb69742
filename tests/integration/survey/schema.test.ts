import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import {
  AGE_BAND_CODES,
  ALREADY_HELPED_CODES,
  AUTONOMY_CODES,
  EQUIPMENT_CODES,
  GENDER_CODES,
  ORIENTATION_CODES,
  OUTCOME_CODES,
  PLACE_TYPES,
  RECOMMEND_ANSWERS,
  SATISFACTION_LEVELS,
  SOCIAL_STATUS_CODES,
  SURVEY_ITEMS,
  THEME_CODES,
} from '../../../preload/contract/survey';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

const columns = (db: ReturnType<typeof openStationDb>, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string; type: string }>).map((c) => `${c.name} ${c.type}`);

const validSession = {
  day: '2026-11-23',
  start_time: '09:15',
  minutes: 30,
  mediator: 'Camille',
  place_type: 'lieu_activite',
  autonomy: 'autonome',
  oriented: 0,
  orientation: null,
  pieces: 2,
  receipt_printed: 1,
  survey_answered: 0,
  already_helped: 'non_communique',
  age_band: 'non_communique',
  gender: 'non_communique',
  social_status: 'non_communique',
};
const insertSession = (db: ReturnType<typeof openStationDb>, overrides: Record<string, unknown> = {}) => {
  const row = { ...validSession, ...overrides };
  const names = Object.keys(row);
  return db
    .prepare(`INSERT INTO survey_session (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(row);
};

describe('the anonymous session log in station.db', () => {
  it('has exactly these columns: codes, counts, dates and the mediator pseudonym — nothing about the usager', () => {
    const db = openStationDb(tempDir());
    expect(columns(db, 'survey_session')).toEqual([
      'id INTEGER',
      'day TEXT',
      'start_time TEXT',
      'minutes INTEGER',
      'mediator TEXT',
      'place_type TEXT',
      'autonomy TEXT',
      'oriented INTEGER',
      'orientation TEXT',
      'pieces INTEGER',
      'receipt_printed INTEGER',
      'survey_answered INTEGER',
      'already_helped TEXT',
      'age_band TEXT',
      'gender TEXT',
      'social_status TEXT',
    ]);
    expect(columns(db, 'survey_session_demarche')).toEqual([
      'session_id INTEGER',
      'position INTEGER',
      'day TEXT',
      'demarche_id TEXT',
      'category TEXT',
      'outcome TEXT',
      'orientation TEXT',
    ]);
    expect(columns(db, 'survey_session_theme')).toEqual(['session_id INTEGER', 'theme TEXT']);
    expect(columns(db, 'survey_session_equipment')).toEqual(['session_id INTEGER', 'equipment TEXT']);
    expect(columns(db, 'survey_response')).toEqual([
      'id INTEGER',
      'day TEXT',
      'demarche_id TEXT',
      'category TEXT',
      ...SURVEY_ITEMS.map((item) => `${item} TEXT`),
      'recommend TEXT',
    ]);
    db.close();
  });

  it('declares every table STRICT, and the survey answers carry no link to a log entry', () => {
    const db = openStationDb(tempDir());
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'survey_%'")
      .all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual([
      'survey_response',
      'survey_rollup_answer',
      'survey_rollup_day',
      'survey_rollup_demarche',
      'survey_rollup_minutes',
      'survey_session',
      'survey_session_demarche',
      'survey_session_equipment',
      'survey_session_theme',
    ]);
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT/);
    expect(db.pragma('foreign_key_list(survey_response)')).toEqual([]);
    db.close();
  });

  it("refuses, at the database itself, any value outside the activity report's codes", () => {
    const db = openStationDb(tempDir());
    expect(() => insertSession(db)).not.toThrow();
    const refused: Array<Record<string, unknown>> = [
      { place_type: 'chez Mme Martin' },
      { autonomy: 'un peu' },
      { oriented: 1, orientation: 'la mairie de Metz' },
      { oriented: 0, orientation: 'administration' },
      { already_helped: 'peut-être' },
      { age_band: '42' },
      { gender: 'M. Dupont' },
      { social_status: 'chômeur' },
      { start_time: '09:07' },
      { start_time: '25:00' },
      { day: '23/11/2026' },
      { minutes: -1 },
      { pieces: 1.5 },
      { receipt_printed: 2 },
      { mediator: '' },
      { mediator: 'x'.repeat(41) },
      { mediator: 'Camille\nNuméro 12AB34567' },
    ];
    for (const overrides of refused) {
      expect(() => insertSession(db, overrides), JSON.stringify(overrides)).toThrow(/CHECK constraint|cannot store/);
    }
    const id = insertSession(db).lastInsertRowid;
    const demarche = db.prepare(
      "INSERT INTO survey_session_demarche (session_id, position, day, demarche_id, category, outcome, orientation) VALUES (?, ?, '2026-11-23', ?, ?, ?, ?)",
    );
    expect(() => demarche.run(id, 0, 'permis-renouvellement', 'permis', 'deposee', null)).not.toThrow();
    expect(() => demarche.run(id, 1, 'Dossier 2026-AB-123 de M. Dupont', 'permis', null, null)).toThrow(/CHECK/);
    expect(() => demarche.run(id, 2, 'permis', 'permis', 'acceptée', null)).toThrow(/CHECK/);
    expect(() => demarche.run(id, 3, 'permis', 'permis', null, 'chez le garage Dupont')).toThrow(/CHECK/);
    const theme = db.prepare('INSERT INTO survey_session_theme (session_id, theme) VALUES (?, ?)');
    expect(() => theme.run(id, 'transports_mobilite')).not.toThrow();
    expect(() => theme.run(id, 'impôts de M. Martin')).toThrow(/CHECK/);
    const equipment = db.prepare('INSERT INTO survey_session_equipment (session_id, equipment) VALUES (?, ?)');
    expect(() => equipment.run(id, 'scanner')).not.toThrow();
    expect(() => equipment.run(id, 'iPhone de Paul')).toThrow(/CHECK/);
    const response = db.prepare('INSERT INTO survey_response (day, accueil, recommend) VALUES (?, ?, ?)');
    expect(() => response.run('2026-11-23', 'satisfait', 'oui')).not.toThrow();
    expect(() => response.run('2026-11-23', 'super accueil, merci Julie !', null)).toThrow(/CHECK/);
    expect(() => response.run('2026-11-23', null, 'peut-être')).toThrow(/CHECK/);
    db.close();
  });

  it('accepts every code of the contract (the migration spells out the same lists)', () => {
    const db = openStationDb(tempDir());
    const tryAll = (column: string, codes: readonly string[], extra: Record<string, unknown> = {}) => {
      for (const code of codes) expect(() => insertSession(db, { ...extra, [column]: code }), code).not.toThrow();
    };
    tryAll('place_type', PLACE_TYPES);
    tryAll('autonomy', AUTONOMY_CODES);
    tryAll('orientation', ORIENTATION_CODES, { oriented: 1 });
    tryAll('already_helped', ALREADY_HELPED_CODES);
    tryAll('age_band', AGE_BAND_CODES);
    tryAll('gender', GENDER_CODES);
    tryAll('social_status', SOCIAL_STATUS_CODES);
    const id = insertSession(db).lastInsertRowid;
    for (const code of THEME_CODES) db.prepare('INSERT INTO survey_session_theme VALUES (?, ?)').run(id, code);
    for (const code of EQUIPMENT_CODES) db.prepare('INSERT INTO survey_session_equipment VALUES (?, ?)').run(id, code);
    OUTCOME_CODES.forEach((code, i) =>
      db
        .prepare("INSERT INTO survey_session_demarche VALUES (?, ?, '2026-11-23', ?, ?, ?, NULL)")
        .run(id, i, 'd', 'c', code),
    );
    for (const item of SURVEY_ITEMS) {
      for (const level of SATISFACTION_LEVELS) {
        db.prepare(`INSERT INTO survey_response (day, ${item}) VALUES ('2026-01-01', ?)`).run(level);
      }
    }
    for (const answer of RECOMMEND_ANSWERS) {
      db.prepare("INSERT INTO survey_response (day, recommend) VALUES ('2026-01-01', ?)").run(answer);
    }
    db.close();
  });

  it('deletes the démarches, themes and equipment of an entry with the entry', () => {
    const db = openStationDb(tempDir());
    const id = insertSession(db).lastInsertRowid;
    db.prepare("INSERT INTO survey_session_demarche VALUES (?, 0, '2026-11-23', 'permis', 'permis', NULL, NULL)").run(
      id,
    );
    db.prepare("INSERT INTO survey_session_theme VALUES (?, 'transports_mobilite')").run(id);
    db.prepare("INSERT INTO survey_session_equipment VALUES (?, 'ordinateur')").run(id);
    db.prepare('DELETE FROM survey_session WHERE id = ?').run(id);
    for (const table of ['survey_session_demarche', 'survey_session_theme', 'survey_session_equipment']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });
});
