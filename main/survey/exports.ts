import type { Database } from 'better-sqlite3';
import {
  AUTONOMY_LABELS,
  DURATION_BUCKET_LABELS,
  OUTCOME_LABELS,
  SATISFACTION_LABELS,
  SURVEY_ITEM_LABELS,
  type Stats,
} from '../../preload/contract/survey';
import { toCsv, frenchDecimal, type Cell } from './csv';
import { durationBucket } from './rates';
import { NOT_ENTERED } from './stats';

/** The one theme of a point numérique in the activity report; the sub-themes go in the next column. */
export const MAIN_THEME = 'aide_aux_demarches_administratives';

/** Columns of the session log export (documented in EXPORT-COLUMNS.md, same order). */
export const SESSION_COLUMNS = [
  'station',
  'date',
  'heure_debut',
  'duree_minutes',
  'duree_tranche',
  'mediateur',
  'type_lieu',
  'thematique',
  'thematiques_demarche_administrative',
  'materiel',
  'autonomie',
  'oriente_vers_structure',
  'structure_de_redirection',
  'demarches',
  'categories_demarches',
  'resultats_demarches',
  'orientations_demarches',
  'pieces_importees',
  'recu_imprime',
  'enquete_repondue',
  'deja_accompagne',
  'tranche_age',
  'genre',
  'statut_social',
] as const;

/** Columns of the aggregated figures export. */
export const FIGURE_COLUMNS = ['indicateur', 'code', 'libelle', 'valeur', 'nombre_reponses'] as const;

interface SessionExportRow {
  day: string;
  start_time: string;
  minutes: number;
  mediator: string;
  place_type: string;
  themes: string | null;
  equipment: string | null;
  autonomy: string | null;
  oriented: number;
  orientation: string | null;
  /** "id:category:outcome:orientation" per démarche, comma-separated (codes never hold ':' or ','). */
  demarches: string | null;
  pieces: number;
  receipt_printed: number;
  survey_answered: number;
  already_helped: string;
  age_band: string;
  gender: string;
  social_status: string;
}

const ROW_FIELDS = [
  'day',
  'start_time',
  'minutes',
  'mediator',
  'place_type',
  'autonomy',
  'oriented',
  'orientation',
  'pieces',
  'receipt_printed',
  'survey_answered',
  'already_helped',
  'age_band',
  'gender',
  'social_status',
  'themes',
  'equipment',
  'demarches',
] as const satisfies ReadonlyArray<keyof SessionExportRow>;

/** Rows come back as arrays (faster for 100 000 rows); this names their fields, in the SELECT's order. */
function toRow(values: unknown[]): SessionExportRow {
  const row: Record<string, unknown> = {};
  ROW_FIELDS.forEach((field, i) => (row[field] = values[i]));
  return row as unknown as SessionExportRow;
}

/** Multi-valued cells (several démarches, themes, …) list their codes separated by commas, in order. */
const LIST = ',';

export function sessionLogCsv(
  db: Database,
  station: string,
  query: { from: string; to: string; demarcheId: string | null },
): { csv: string; rows: number } {
  const statement = db
    .prepare(
      `
    SELECT s.day, s.start_time, s.minutes, s.mediator, s.place_type, s.autonomy, s.oriented, s.orientation, s.pieces,
      s.receipt_printed, s.survey_answered, s.already_helped, s.age_band, s.gender, s.social_status,
      (SELECT group_concat(theme, '${LIST}') FROM survey_session_theme WHERE session_id = s.id) AS themes,
      (SELECT group_concat(equipment, '${LIST}') FROM survey_session_equipment WHERE session_id = s.id) AS equipment,
      (SELECT group_concat(demarche_id || ':' || category || ':' || coalesce(outcome, '${NOT_ENTERED}') || ':' ||
          coalesce(orientation, ''), '${LIST}' ORDER BY position)
        FROM survey_session_demarche WHERE session_id = s.id) AS demarches
    FROM survey_session s
    WHERE s.day BETWEEN @from AND @to AND (@demarcheId IS NULL OR s.id IN
      (SELECT session_id FROM survey_session_demarche WHERE demarche_id = @demarcheId AND day BETWEEN @from AND @to))
    ORDER BY s.day, s.start_time, s.id`,
    )
    .raw(true);
  let rows = 0;
  function* lines(): Generator<Cell[]> {
    for (const values of statement.iterate(query) as IterableIterator<unknown[]>) {
      const r = toRow(values);
      rows += 1;
      const demarches = (r.demarches ?? '')
        .split(LIST)
        .filter(Boolean)
        .map((d) => d.split(':'));
      const column = (index: number) => demarches.map((d) => d[index] ?? '').join(LIST);
      yield [
        station,
        r.day,
        r.start_time,
        r.minutes,
        durationBucket(r.minutes),
        r.mediator,
        r.place_type,
        MAIN_THEME,
        r.themes ?? '',
        r.equipment ?? '',
        r.autonomy ?? NOT_ENTERED,
        r.oriented === 1,
        r.orientation ?? '',
        column(0),
        column(1),
        column(2),
        demarches.some((d) => d[3]) ? column(3) : '',
        r.pieces,
        r.receipt_printed === 1,
        r.survey_answered === 1,
        r.already_helped,
        r.age_band,
        r.gender,
        r.social_status,
      ];
    }
  }
  const csv = toCsv(SESSION_COLUMNS, lines());
  return { csv, rows };
}

const label = (labels: Record<string, string>, code: string) =>
  labels[code] ?? (code === NOT_ENTERED ? 'Non renseigné' : code);

/** The aggregated figures of a period, one indicator per line, with the activity report's codes. */
export function figuresCsv(stats: Stats, station: string): { csv: string; rows: number } {
  const rows: Cell[][] = [
    ['station', '', 'Station', station, ''],
    ['periode_debut', '', 'Début de la période', stats.from, ''],
    ['periode_fin', '', 'Fin de la période (incluse)', stats.to, ''],
    ['demarche', stats.demarcheId ?? '', 'Démarche retenue', stats.demarcheId ?? 'toutes', ''],
    ['accompagnements', '', 'Accompagnements', stats.sessions, ''],
    ['enquetes_repondues', '', "Accompagnements dont l'usager a répondu à l'enquête", stats.surveyAnswered, ''],
    ['duree_mediane_minutes', '', 'Durée médiane (minutes)', frenchDecimal(stats.medianMinutes), ''],
  ];
  for (const [code, n] of Object.entries(stats.durations))
    rows.push(['duree_tranche', code, label(DURATION_BUCKET_LABELS, code), n, '']);
  for (const [code, n] of Object.entries(stats.autonomy))
    rows.push(['autonomie', code, label(AUTONOMY_LABELS, code), n, '']);
  for (const [code, n] of Object.entries(stats.outcomes))
    rows.push(['resultat', code, label(OUTCOME_LABELS, code), n, '']);
  for (const d of stats.byDemarche) rows.push(['demarche_realisee', d.demarcheId, d.category, d.sessions, '']);
  for (const item of stats.satisfaction.items) {
    rows.push([
      'taux_satisfaction_pourcent',
      item.item,
      SURVEY_ITEM_LABELS[item.item],
      item.rate === null ? '' : frenchDecimal(item.rate * 100),
      item.answered,
    ]);
    for (const [level, n] of Object.entries(item.counts)) {
      rows.push([`reponses_${item.item}`, level, label(SATISFACTION_LABELS, level), n, '']);
    }
  }
  for (const [code, n] of Object.entries(stats.satisfaction.recommend)) {
    rows.push([
      'recommandation',
      code,
      code === 'ne_sait_pas' ? 'Je ne sais pas' : code === 'oui' ? 'Oui' : 'Non',
      n,
      '',
    ]);
  }
  return { csv: toCsv(FIGURE_COLUMNS, rows), rows: rows.length };
}
