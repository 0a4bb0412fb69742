import type { Migration } from './index';

/*
 * The anonymous session log and the survey answers (main/survey). The value lists are written out here, not
 * imported, because a shipped migration never changes; tests/unit/survey/schema.test.ts checks they match the
 * contract's codes. No column can hold a name, a numéro, an address or free text: every text column is a checked
 * code, a checked date or time, or the mediator's pseudonym (bounded, single line). The survey answers are not
 * linked to the log entry (no mediator, no time of day), as the domain notes ask. The indexes cover the
 * statistics queries (a year of a busy counter in well under 50 ms, tests/bench/survey.bench.ts); the démarche
 * rows repeat their session's day for that reason.
 */
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const oneOf = (column: string, values: readonly string[]) => `${column} IN (${list(values)})`;
const optionalOneOf = (column: string, values: readonly string[]) =>
  `${column} IS NULL OR ${column} IN (${list(values)})`;
const catalogCode = (column: string) =>
  `length(${column}) BETWEEN 1 AND 64 AND ${column} GLOB '[a-z0-9]*' AND ${column} NOT GLOB '*[^a-z0-9_-]*'`;
const day = (column: string) => `length(${column}) = 10 AND ${column} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`;

const PLACE_TYPES = ['lieu_activite', 'domicile', 'a_distance', 'autre'];
const AUTONOMY = ['entierement_accompagne', 'partiellement_autonome', 'autonome'];
const ORIENTATION = [
  'administration',
  'mediation_numerique',
  'operateur_ou_organisme_en_charge',
  'aide_sociale',
  'insertion_professionnelle',
  'aide_aux_demarches_administratives',
  'autre',
];
const THEMES = [
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
];
const EQUIPMENT = ['ordinateur', 'telephone', 'tablette', 'scanner', 'imprimante', 'autre', 'aucun'];
const OUTCOMES = ['deposee', 'incomplete', 'orientee', 'abandonnee'];
const ALREADY_HELPED = ['oui', 'non', 'non_communique'];
const AGE_BANDS = [
  'moins_de_douze',
  'douze_dix_huit',
  'dix_huit_vingt_quatre',
  'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf',
  'soixante_soixante_neuf',
  'soixante_dix_plus',
  'non_communique',
];
const GENDERS = ['masculin', 'feminin', 'non_communique'];
const SOCIAL_STATUS = ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'];
const LEVELS = ['tres_satisfait', 'satisfait', 'peu_satisfait', 'pas_satisfait', 'ne_sait_pas'];
const RECOMMEND = ['oui', 'non', 'ne_sait_pas'];
const ITEMS = ['accueil', 'information', 'clarte', 'accompagnement', 'solution', 'securite'];

export const m0004SessionLog: Migration = {
  version: 4,
  name: 'anonymous session log and survey answers',
  up(db) {
    db.exec(`
      CREATE TABLE survey_session (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (${day('day')}),
        start_time TEXT NOT NULL CHECK (
          length(start_time) = 5 AND substr(start_time, 1, 2) BETWEEN '00' AND '23'
          AND substr(start_time, 3, 1) = ':' AND substr(start_time, 4, 2) IN ('00', '15', '30', '45')),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        mediator TEXT NOT NULL CHECK (
          length(mediator) BETWEEN 1 AND 40 AND instr(mediator, char(10)) = 0 AND instr(mediator, char(13)) = 0
          AND instr(mediator, char(9)) = 0),
        place_type TEXT NOT NULL CHECK (${oneOf('place_type', PLACE_TYPES)}),
        autonomy TEXT CHECK (${optionalOneOf('autonomy', AUTONOMY)}),
        oriented INTEGER NOT NULL CHECK (oriented IN (0, 1)),
        orientation TEXT CHECK ((${optionalOneOf('orientation', ORIENTATION)}) AND (oriented = 1 OR orientation IS NULL)),
        pieces INTEGER NOT NULL CHECK (pieces BETWEEN 0 AND 1000),
        receipt_printed INTEGER NOT NULL CHECK (receipt_printed IN (0, 1)),
        survey_answered INTEGER NOT NULL CHECK (survey_answered IN (0, 1)),
        already_helped TEXT NOT NULL CHECK (${oneOf('already_helped', ALREADY_HELPED)}),
        age_band TEXT NOT NULL CHECK (${oneOf('age_band', AGE_BANDS)}),
        gender TEXT NOT NULL CHECK (${oneOf('gender', GENDERS)}),
        social_status TEXT NOT NULL CHECK (${oneOf('social_status', SOCIAL_STATUS)})
      ) STRICT;
      CREATE INDEX survey_session_day ON survey_session (day, minutes, autonomy, survey_answered);

      CREATE TABLE survey_session_demarche (
        session_id INTEGER NOT NULL REFERENCES survey_session (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 50),
        day TEXT NOT NULL CHECK (${day('day')}),
        demarche_id TEXT NOT NULL CHECK (${catalogCode('demarche_id')}),
        category TEXT NOT NULL CHECK (${catalogCode('category')}),
        outcome TEXT CHECK (${optionalOneOf('outcome', OUTCOMES)}),
        orientation TEXT CHECK (orientation IS NULL OR (${catalogCode('orientation')})),
        PRIMARY KEY (session_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX survey_session_demarche_day ON survey_session_demarche (day, demarche_id, category, outcome);
      CREATE INDEX survey_session_demarche_id ON survey_session_demarche (demarche_id, day, session_id);

      CREATE TABLE survey_session_theme (
        session_id INTEGER NOT NULL REFERENCES survey_session (id) ON DELETE CASCADE,
        theme TEXT NOT NULL CHECK (${oneOf('theme', THEMES)}),
        PRIMARY KEY (session_id, theme)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_session_equipment (
        session_id INTEGER NOT NULL REFERENCES survey_session (id) ON DELETE CASCADE,
        equipment TEXT NOT NULL CHECK (${oneOf('equipment', EQUIPMENT)}),
        PRIMARY KEY (session_id, equipment)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_response (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (${day('day')}),
        demarche_id TEXT CHECK (demarche_id IS NULL OR (${catalogCode('demarche_id')})),
        category TEXT CHECK (category IS NULL OR (${catalogCode('category')})),
        ${ITEMS.map((item) => `${item} TEXT CHECK (${optionalOneOf(item, LEVELS)}),`).join('\n        ')}
        recommend TEXT CHECK (${optionalOneOf('recommend', RECOMMEND)})
      ) STRICT;
      CREATE INDEX survey_response_day ON survey_response (day, demarche_id, ${ITEMS.join(', ')}, recommend);
    `);
  },
};
