import { z } from 'zod';
import { noInput, okReply } from './common';

/**
 * The anonymous session log, the satisfaction survey and the statistics (main/survey). Value codes follow the
 * national mediators' activity report (La Coop de la médiation numérique, snake_case API values) so a mediator can
 * re-key or import the exports; main/survey/EXPORT-COLUMNS.md documents them.
 */

// ---- The survey: six items, a 4-level scale plus "je ne sais pas" ----
export const SURVEY_ITEMS = ['accueil', 'information', 'clarte', 'accompagnement', 'solution', 'securite'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export const SURVEY_ITEM_LABELS: Record<SurveyItem, string> = {
  accueil: 'Accueil',
  information: 'Information',
  clarte: 'Clarté et facilité de compréhension',
  accompagnement: 'Accompagnement',
  solution: 'Solution apportée',
  securite: 'Sécurité et confidentialité',
};

export const SATISFACTION_LEVELS = [
  'tres_satisfait',
  'satisfait',
  'peu_satisfait',
  'pas_satisfait',
  'ne_sait_pas',
] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Record<SatisfactionLevel, string> = {
  tres_satisfait: 'Très satisfait',
  satisfait: 'Satisfait',
  peu_satisfait: 'Peu satisfait',
  pas_satisfait: 'Pas satisfait',
  ne_sait_pas: 'Je ne sais pas',
};

export const RECOMMEND_ANSWERS = ['oui', 'non', 'ne_sait_pas'] as const;
export type RecommendAnswer = (typeof RECOMMEND_ANSWERS)[number];

// ---- The activity report's value codes ----
export const AUTONOMY_CODES = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;
export const AUTONOMY_LABELS: Record<(typeof AUTONOMY_CODES)[number], string> = {
  entierement_accompagne: 'Avec guidage',
  partiellement_autonome: 'Autonome avec guidage en cas de besoin',
  autonome: 'Autonome',
};

export const PLACE_TYPES = ['lieu_activite', 'domicile', 'a_distance', 'autre'] as const;
export const PLACE_TYPE_LABELS: Record<(typeof PLACE_TYPES)[number], string> = {
  lieu_activite: "Lieu d'activité",
  domicile: 'À domicile',
  a_distance: 'À distance',
  autre: 'Autre',
};

/** Sub-themes of the theme "aide aux démarches administratives" (the only theme of a point numérique). */
export const THEME_CODES = [
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
] as const;
export const THEME_LABELS: Record<(typeof THEME_CODES)[number], string> = {
  papiers_elections_citoyennete: 'Papiers, élections, citoyenneté',
  famille_scolarite: 'Famille, scolarité',
  social_sante: 'Social, santé',
  travail_formation: 'Travail, formation',
  logement: 'Logement',
  transports_mobilite: 'Transports, mobilité',
  argent_impots: 'Argent, impôts',
  justice: 'Justice',
  etrangers_europe: 'Étrangers, Europe',
  loisirs_sports_culture: 'Loisirs, sports, culture',
};

export const EQUIPMENT_CODES = [
  'ordinateur',
  'telephone',
  'tablette',
  'scanner',
  'imprimante',
  'autre',
  'aucun',
] as const;
export const EQUIPMENT_LABELS: Record<(typeof EQUIPMENT_CODES)[number], string> = {
  ordinateur: 'Ordinateur',
  telephone: 'Téléphone',
  tablette: 'Tablette',
  scanner: 'Scanner',
  imprimante: 'Imprimante',
  autre: 'Autre',
  aucun: 'Aucun',
};

export const ORIENTATION_CODES = [
  'administration',
  'mediation_numerique',
  'operateur_ou_organisme_en_charge',
  'aide_sociale',
  'insertion_professionnelle',
  'aide_aux_demarches_administratives',
  'autre',
] as const;
export const ORIENTATION_LABELS: Record<(typeof ORIENTATION_CODES)[number], string> = {
  administration: 'Administration (mairie, préfecture…)',
  mediation_numerique: 'Autre lieu de médiation numérique',
  operateur_ou_organisme_en_charge: 'Opérateur ou organisme en charge de la démarche (ANTS…)',
  aide_sociale: "Structure d'aide sociale",
  insertion_professionnelle: "Structure d'insertion professionnelle",
  aide_aux_demarches_administratives: "Structure d'aide aux démarches (France Services…)",
  autre: 'Autre',
};

export const OUTCOME_CODES = ['deposee', 'incomplete', 'orientee', 'abandonnee'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOME_CODES)[number], string> = {
  deposee: 'Déposée',
  incomplete: 'Incomplète',
  orientee: 'Orientée',
  abandonnee: 'Abandonnée',
};

export const NON_COMMUNIQUE = 'non_communique';
export const ALREADY_HELPED_CODES = ['oui', 'non', NON_COMMUNIQUE] as const;
export const AGE_BAND_CODES = [
  'moins_de_douze',
  'douze_dix_huit',
  'dix_huit_vingt_quatre',
  'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf',
  'soixante_soixante_neuf',
  'soixante_dix_plus',
  NON_COMMUNIQUE,
] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BAND_CODES)[number], string> = {
  moins_de_douze: 'Moins de 12 ans',
  douze_dix_huit: '12 à 17 ans',
  dix_huit_vingt_quatre: '18 à 24 ans',
  vingt_cinq_trente_neuf: '25 à 39 ans',
  quarante_cinquante_neuf: '40 à 59 ans',
  soixante_soixante_neuf: '60 à 69 ans',
  soixante_dix_plus: '70 ans et plus',
  non_communique: 'Non communiqué',
};
export const GENDER_CODES = ['masculin', 'feminin', NON_COMMUNIQUE] as const;
export const SOCIAL_STATUS_CODES = ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', NON_COMMUNIQUE] as const;
export const SOCIAL_STATUS_LABELS: Record<(typeof SOCIAL_STATUS_CODES)[number], string> = {
  scolarise: 'Scolarisé',
  sans_emploi: 'Sans emploi',
  en_emploi: 'En emploi',
  retraite: 'Retraité',
  non_communique: 'Non communiqué',
};

/** Duration buckets of the activity report's statistics. */
export const DURATION_BUCKETS = ['moins_30', 'de_30_a_60', 'de_60_a_120', 'plus_120'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];
export const DURATION_BUCKET_LABELS: Record<DurationBucket, string> = {
  moins_30: 'Moins de 30 min',
  de_30_a_60: '30 min à 1 h',
  de_60_a_120: '1 h à 2 h',
  plus_120: '2 h ou plus',
};

/** A catalog identifier (démarche id or category): lowercase letters, digits and dashes only, never free text. */
export const CatalogCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  .max(64);

// ---- What the mediator enters at the end of the session ----
export const ProfileSchema = z.object({
  alreadyHelped: z.enum(ALREADY_HELPED_CODES).default(NON_COMMUNIQUE),
  ageBand: z.enum(AGE_BAND_CODES).default(NON_COMMUNIQUE),
  gender: z.enum(GENDER_CODES).default(NON_COMMUNIQUE),
  socialStatus: z.enum(SOCIAL_STATUS_CODES).default(NON_COMMUNIQUE),
});
export type Profile = z.output<typeof ProfileSchema>;

export const EndFormSchema = z.object({
  autonomy: z.enum(AUTONOMY_CODES).nullable().default(null),
  placeType: z.enum(PLACE_TYPES).default('lieu_activite'),
  themes: z.array(z.enum(THEME_CODES)).max(THEME_CODES.length).default([]),
  equipment: z.array(z.enum(EQUIPMENT_CODES)).max(EQUIPMENT_CODES.length).default([]),
  oriented: z.boolean().default(false),
  orientation: z.enum(ORIENTATION_CODES).nullable().default(null),
  profile: ProfileSchema.default(ProfileSchema.parse({})),
});
export type EndForm = z.output<typeof EndFormSchema>;

export const SurveyAnswersSchema = z.object({
  /** Only the items the usager answered; a skipped item is simply absent. */
  answers: z.partialRecord(z.enum(SURVEY_ITEMS), z.enum(SATISFACTION_LEVELS)).default({}),
  recommend: z.enum(RECOMMEND_ANSWERS).nullable().default(null),
});
export type SurveyAnswers = z.output<typeof SurveyAnswersSchema>;

export const SurveySettingsSchema = z.object({ enabled: z.boolean(), askRecommendation: z.boolean() });

// ---- The usager's survey, step by step: its state lives in main (a renderer reload resumes it) ----
/** The questions in the order they are asked: the six items, then (if the station asks it) the recommendation. */
export const SURVEY_QUESTIONS = [...SURVEY_ITEMS, 'recommend'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

/** One answer as the usager gives it; `answer: null` is "Passer" (the question is skipped, nothing is counted). */
export const SurveyAnswerSchema = z.union([
  z.object({ question: z.enum(SURVEY_ITEMS), answer: z.enum(SATISFACTION_LEVELS).nullable() }),
  z.object({ question: z.literal('recommend'), answer: z.enum(RECOMMEND_ANSWERS).nullable() }),
]);
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

export const SURVEY_STAGES = ['intro', 'questions', 'thanks'] as const;
export const SurveyProgressSchema = z.object({
  enabled: z.boolean(),
  /** The questions of this station's survey, in order. */
  questions: z.array(z.enum(SURVEY_QUESTIONS)),
  /** 'intro' until "Commencer"; 'thanks' once declined or once every question was answered or skipped. */
  stage: z.enum(SURVEY_STAGES),
  answers: z.partialRecord(z.enum(SURVEY_ITEMS), z.enum(SATISFACTION_LEVELS)),
  recommend: z.enum(RECOMMEND_ANSWERS).nullable(),
  skipped: z.array(z.enum(SURVEY_QUESTIONS)),
  /** The first question neither answered nor skipped: where the survey resumes after a reload (null: none left). */
  next: z.enum(SURVEY_QUESTIONS).nullable(),
});
export type SurveyProgress = z.output<typeof SurveyProgressSchema>;

export const EndOfSessionSchema = z.object({
  demarches: z.array(
    z.object({
      demarcheId: z.string(),
      category: z.string(),
      outcome: z.enum(OUTCOME_CODES).nullable(),
      orientation: z.string().nullable(),
    }),
  ),
  piecesImported: z.number().int(),
  receiptPrinted: z.boolean(),
  minutes: z.number().int(),
  /** The form as saved, or pre-filled from the session's facts. */
  form: EndFormSchema,
  survey: SurveySettingsSchema,
});
export type EndOfSession = z.output<typeof EndOfSessionSchema>;

// ---- Statistics for the référent ----
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const StatsQuerySchema = z.object({
  from: DaySchema,
  /** Inclusive. */
  to: DaySchema,
  granularity: z.enum(GRANULARITIES).default('day'),
  demarcheId: CatalogCodeSchema.nullable().default(null),
});
export type StatsQuery = z.output<typeof StatsQuerySchema>;

const CountsSchema = z.record(z.string(), z.number().int());
export const ItemFiguresSchema = z.object({
  item: z.enum(SURVEY_ITEMS),
  counts: z.record(z.enum(SATISFACTION_LEVELS), z.number().int()),
  /** Answers other than "je ne sais pas": the denominator of the rate. */
  answered: z.number().int(),
  /** (très satisfait + satisfait) / answered, between 0 and 1; null when nobody answered. */
  rate: z.number().nullable(),
});
export type ItemFigures = z.output<typeof ItemFiguresSchema>;

export const StatsSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  demarcheId: z.string().nullable(),
  sessions: z.number().int(),
  surveyAnswered: z.number().int(),
  medianMinutes: z.number().nullable(),
  durations: CountsSchema,
  autonomy: CountsSchema,
  outcomes: CountsSchema,
  series: z.array(z.object({ period: z.string(), sessions: z.number().int() })),
  byDemarche: z.array(
    z.object({ demarcheId: z.string(), category: z.string(), sessions: z.number().int(), outcomes: CountsSchema }),
  ),
  satisfaction: z.object({
    responses: z.number().int(),
    items: z.array(ItemFiguresSchema),
    recommend: CountsSchema,
  }),
  demarcheIds: z.array(z.string()),
});
export type Stats = z.output<typeof StatsSchema>;

export const EXPORT_KINDS = ['sessions', 'figures', 'summary'] as const;
export const ExportRequestSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  from: DaySchema,
  to: DaySchema,
  demarcheId: CatalogCodeSchema.nullable().default(null),
});
export type ExportRequest = z.output<typeof ExportRequestSchema>;

/**
 * How the file reached the référent: 'saved' (desktop save dialog), 'cancelled', or 'download' (web host: the
 * renderer offers the bytes as a download, base64 in `content`).
 */
export const ExportResultSchema = z.object({
  delivered: z.enum(['saved', 'cancelled', 'download']),
  fileName: z.string(),
  mimeType: z.string(),
  rows: z.number().int(),
  content: z.string().optional(),
});
export type ExportResult = z.output<typeof ExportResultSchema>;

export const surveyContract = {
  /** The end-of-session form for the running session, pre-filled from its facts, and the survey settings. */
  'survey.endOfSession': { access: 'session', input: noInput, output: EndOfSessionSchema },
  /** Keeps the mediator's end-of-session form in memory until the session ends. */
  'survey.saveEndForm': { access: 'session', input: EndFormSchema, output: okReply },
  /** Where the usager's survey stands (kept in main, so a reload of the screen resumes it). */
  'survey.progress': { access: 'session', input: noInput, output: SurveyProgressSchema },
  /** "Commencer": from the introduction to the first question. */
  'survey.begin': { access: 'session', input: noInput, output: SurveyProgressSchema },
  /** "Je ne veux pas répondre": straight to the thanks; the answers already given are kept. */
  'survey.decline': { access: 'session', input: noInput, output: SurveyProgressSchema },
  /**
   * One answer, stored for its question alone as it is given (never a whole set that could overwrite others); kept
   * in memory until the session ends, then written with the log entry.
   */
  'survey.answer': { access: 'session', input: SurveyAnswerSchema, output: SurveyProgressSchema },
  /**
   * "Réservé au médiateur": the signed-in mediator's PIN leads out of the usager's survey. Its own throttle (3 wrong
   * tries, then a wait and "Appelez le médiateur"); it never counts towards the mediator's account lock-out.
   */
  'survey.exit': { access: 'session', input: z.object({ pin: z.string().min(1).max(12) }), output: okReply },
  'survey.stats': { access: 'referent', input: StatsQuerySchema, output: StatsSchema },
  'survey.export': { access: 'referent', input: ExportRequestSchema, output: ExportResultSchema },
} as const;

export const surveyEvents = {} as const;
