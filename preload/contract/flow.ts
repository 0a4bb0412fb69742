import { z } from 'zod';
import { noInput } from './common';

/**
 * The démarches catalog (resources/demarches/*.json, validated by these schemas at start and in a test) and the
 * guided flow of one session. Flow state lives in the main process's memory, keyed by session; it is dropped when
 * the session ends.
 */

const Id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const Text = z.string().trim().min(1).max(1200);
const HttpsUrl = z
  .string()
  .max(500)
  .regex(/^https:\/\/[^\s]+$/);

/** A calendar date, YYYY-MM-DD. */
const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'une date AAAA-MM-JJ est attendue');

/** The families of démarches shown as categories on the catalog screen. */
export const DEMARCHE_CATEGORIES = {
  permis: 'Permis de conduire',
  'carte-grise': "Carte grise (certificat d'immatriculation)",
  identite: "Carte d'identité et passeport",
  etrangers: 'Étrangers en France (titre de séjour, naturalisation)',
  autre: 'Autres administrations : où aller, quoi apporter',
} as const;
export const CategorySchema = z.enum(['permis', 'carte-grise', 'identite', 'etrangers', 'autre']);
export type DemarcheCategory = z.infer<typeof CategorySchema>;

/**
 * Where an usager is sent when the démarche cannot be done here ("à faire ailleurs"). Closed list of codes: the
 * anonymous session log stores the code only. `reportKind` is the structure kind of the mediators' activity report.
 */
export const ORIENTATIONS = {
  mairie: { label: 'La mairie (équipée pour les cartes d’identité et passeports)', reportKind: 'administration' },
  'police-gendarmerie': { label: 'La police ou la gendarmerie', reportKind: 'administration' },
  'medecin-agree': { label: 'Un médecin agréé par la préfecture', reportKind: 'autre' },
  'photo-agree': { label: 'Une cabine photo ou un photographe agréé ANTS', reportKind: 'autre' },
  'professionnel-auto': {
    label: 'Un professionnel de l’automobile habilité (garage, concessionnaire)',
    reportKind: 'operateur',
  },
  prefecture: { label: 'Les services de la préfecture', reportKind: 'administration' },
  'france-services': { label: 'Une France Services (pour les autres administrations)', reportKind: 'aide-demarches' },
  consulat: { label: 'Le consulat de France du pays où la personne vit', reportKind: 'administration' },
  // The phone line is the station's configurable contact (config section 'station'), printed on the receipt.
  ants: { label: 'L’ANTS (France Titres)', reportKind: 'operateur' },
  autre: { label: 'Une autre structure', reportKind: 'autre' },
  // Nothing to do (e.g. no new permis after a marriage): an answer, not a place.
  'aucune-demarche': { label: 'Aucune démarche à faire', reportKind: 'autre' },
} as const;
export const OrientationCodeSchema = z.enum(Object.keys(ORIENTATIONS) as [keyof typeof ORIENTATIONS]);
export type OrientationCode = z.infer<typeof OrientationCodeSchema>;

/** The typed values the mediator can check before the usager types them online. */
export const FormatKindSchema = z.enum(['plaque', 'ephoto', 'code-cession', 'pre-demande', 'numero']);
export type FormatKind = z.infer<typeof FormatKindSchema>;

export const LeadsToSchema = z.discriminatedUnion('kind', [
  /** The usager may go on with this démarche (next question, then the steps). */
  z.object({ kind: z.literal('continue') }),
  /** Another démarche of the catalog fits better. */
  z.object({ kind: z.literal('demarche'), demarcheId: Id, why: Text }),
  /** Not here: where to go and why. */
  z.object({ kind: z.literal('orientation'), orientation: OrientationCodeSchema, why: Text }),
]);
export type LeadsTo = z.infer<typeof LeadsToSchema>;

export const QuestionSchema = z.object({
  id: Id,
  text: Text,
  help: Text.optional(),
  answers: z
    .array(z.object({ id: Id, label: Text, leadsTo: LeadsToSchema, unsure: z.boolean().default(false) }))
    .min(2)
    .max(8),
});
export type Question = z.infer<typeof QuestionSchema>;

export const StepSchema = z.object({
  id: Id,
  title: Text,
  body: z.array(Text).min(1).max(12),
  /** Shows the notice: the usager signs in to their own account, the mediator may not act in their name. */
  ownAccount: z.boolean().default(false),
  /** The step happens on the official site: a button opens this URL in the site panel. */
  site: HttpsUrl.optional(),
  /** Format helper shown at this step (plate number, e-photo code, …). */
  format: FormatKindSchema.optional(),
  /** Pièces to check at this step (ids of `pieces`). */
  pieces: z.array(Id).max(20).default([]),
});
export type Step = z.infer<typeof StepSchema>;

export const PieceSchema = z.object({
  id: Id,
  label: Text,
  /** What it is, in plain words. */
  explanation: Text,
  /** Where the usager gets it. */
  whereToGet: Text,
  /** Only in some cases ("si le véhicule a plus de 4 ans"). */
  when: Text.optional(),
  /** A pièce the usager types or declares rather than uploads (e.g. the e-photo code). */
  kind: z.enum(['upload', 'code', 'paper', 'declaration']).default('upload'),
  optional: z.boolean().default(false),
  /** Size limit for the upload, when the démarche's site states one (else the station default). */
  maxUploadBytes: z.number().int().min(100_000).max(200_000_000).optional(),
  unsure: z.boolean().default(false),
});
export type Piece = z.infer<typeof PieceSchema>;

/** One official source of a démarche's facts: a service-public fiche number (F2695, R55669) or an https address. */
export const SourceSchema = z.object({
  ref: z
    .string()
    .trim()
    .max(300)
    .regex(/^([FR]\d{2,6}|https:\/\/[^\s]+)$/, 'un numéro de fiche (F2695) ou une adresse https est attendu'),
  title: Text,
  /** The date the source itself shows ("Vérifié le …", "Mis à jour le …"), when it shows one. */
  date: IsoDate.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const DemarcheSchema = z
  .object({
    id: Id,
    category: CategorySchema,
    title: Text,
    /** FALC summary: short sentences, one idea each. */
    summary: z.array(Text).min(1).max(8),
    forWhom: Text,
    /** Other words people use for it (search). */
    keywords: z.array(z.string().trim().min(1).max(80)).max(40).default([]),
    questions: z.array(QuestionSchema).max(12).default([]),
    steps: z.array(StepSchema).min(1).max(20),
    pieces: z.array(PieceSchema).max(30),
    startUrl: HttpsUrl,
    numero: z.object({
      label: Text,
      /** Regular expression the numéro is checked against (anchored); null when unknown. */
      pattern: z.string().max(200).nullable(),
      example: z.string().max(60).optional(),
      help: Text,
      /** False when the démarche ends with a document and no numéro (e.g. certificat de situation). */
      required: z.boolean().default(true),
      unsure: z.boolean().default(false),
    }),
    /** Typical délais, with what they describe: the year of the figure or its source ("ANTS, 2019"). */
    delais: z.object({ text: Text, source: z.string().trim().min(4).max(160), unsure: z.boolean().default(false) }),
    /**
     * What the receipt says when the démarche is filed: the outcome in the usager's words ("Pré-demande faite", not
     * "Demande déposée") and what the usager must do now, as actions.
     */
    filed: z.object({ outcome: z.string().trim().min(3).max(60), doNow: z.array(Text).min(1).max(6) }),
    /** The help line of the administration that handles the démarche, when it is not the station's own line. */
    helpLine: z
      .object({
        name: z.string().trim().min(2).max(80),
        phone: z.string().trim().min(4).max(40),
        hours: Text.optional(),
      })
      .optional(),
    /** 'orientation': not done at the counter; the entry says where to go and what to bring. */
    kind: z.enum(['guided', 'orientation']).default('guided'),
    receives: z.array(Text).min(1).max(10),
    followUp: z.object({
      url: HttpsUrl,
      how: Text,
      statuses: z.array(z.object({ name: Text, meaning: Text })).max(12),
      unsure: z.boolean().default(false),
    }),
    reminders: z.array(z.object({ id: Id, text: Text, unsure: z.boolean().default(false) })).max(12),
    fees: z
      .array(z.object({ text: Text, unsure: z.boolean().default(false) }))
      .max(8)
      .default([]),
    /** Patterns of the codes typed during this démarche (code de cession, numéro de pré-demande), when known. */
    formats: z
      .array(
        z.object({
          kind: FormatKindSchema,
          label: Text,
          pattern: z.string().max(200).nullable(),
          help: Text,
          unsure: z.boolean().default(false),
        }),
      )
      .max(6)
      .default([]),
    /** Where the facts come from: official fiches or pages, shown to the référent. */
    sources: z.array(SourceSchema).min(1).max(10),
    /** The day these facts were last checked against the sources. */
    verifiedOn: IsoDate,
    /** Added by the station's référent (config section 'demarches'). */
    local: z.boolean().default(false),
  })
  .strict();
export type Demarche = z.infer<typeof DemarcheSchema>;
export type DemarcheInput = z.input<typeof DemarcheSchema>;

export const DemarcheSummarySchema = z.object({
  id: Id,
  category: CategorySchema,
  title: Text,
  summary: z.array(Text),
  forWhom: Text,
  local: z.boolean(),
  hidden: z.boolean(),
  kind: z.enum(['guided', 'orientation']),
  /** Shown to the référent: where the facts come from and when they were checked. */
  sources: z.array(SourceSchema),
  verifiedOn: z.string(),
});
export type DemarcheSummary = z.infer<typeof DemarcheSummarySchema>;

export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deposee'), numero: z.string().trim().max(80) }),
  z.object({ kind: z.literal('incomplete'), missing: z.array(Id).max(30) }),
  z.object({ kind: z.literal('orientee'), orientation: OrientationCodeSchema, why: z.string().trim().max(500) }),
  z.object({ kind: z.literal('abandonnee') }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const PieceStatusSchema = z.enum(['a_verifier', 'present', 'manquant', 'scan']);
export type PieceStatus = z.infer<typeof PieceStatusSchema>;

/** One French label per pièce status, the same on every screen (one place, like OUTCOME_LABELS). */
export const PIECE_STATUS_LABELS: Record<PieceStatus, string> = {
  a_verifier: 'À vérifier',
  present: 'Présente',
  manquant: 'Manquante',
  scan: 'Scan importé',
};

export const RouteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending'), questionId: Id }),
  z.object({ kind: z.literal('eligible') }),
  z.object({ kind: z.literal('demarche'), demarcheId: Id, title: Text, why: Text }),
  z.object({ kind: z.literal('orientation'), orientation: OrientationCodeSchema, to: Text, why: Text }),
]);
export type Route = z.infer<typeof RouteSchema>;

/** One démarche being done in the session (several per session). */
export const FlowEntrySchema = z.object({
  key: z.string().uuid(),
  demarcheId: Id,
  title: Text,
  category: CategorySchema,
  answers: z.record(z.string(), z.string()),
  route: RouteSchema,
  stepIndex: z.number().int().min(0),
  stepsDone: z.array(Id),
  pieces: z.record(z.string(), z.object({ status: PieceStatusSchema, scans: z.array(z.string()).default([]) })),
  notes: z.string().max(4000),
  outcome: OutcomeSchema.nullable(),
  /** What the outcome form holds and differs from the saved outcome: the Reçu screen says so and offers to save it. */
  unsaved: OutcomeSchema.nullable(),
  /** French warning when the numéro does not match the démarche's pattern (accepted anyway). */
  numeroWarning: z.string().nullable(),
});
export type FlowEntry = z.infer<typeof FlowEntrySchema>;

export const FormatCheckSchema = z.object({
  ok: z.boolean(),
  /** The value as the official site expects it (upper case, dashes …). */
  normalized: z.string(),
  message: z.string(),
  /** Accepted, but something looks wrong (a letter O in a plate, an unusual e-photo length). */
  warning: z.boolean().optional(),
});
export type FormatCheck = z.infer<typeof FormatCheckSchema>;

const Key = z.object({ key: z.string().uuid() });

export const flowContract = {
  /** The visible catalog (or every démarche with `hidden` flags for the référent), filtered by a search. */
  'flow.catalog': {
    access: 'signedIn',
    input: z.object({ query: z.string().max(100).optional(), includeHidden: z.boolean().optional() }).optional(),
    output: z.object({
      demarches: z.array(DemarcheSummarySchema),
      categories: z.array(z.object({ id: CategorySchema, label: z.string() })),
      /** Local démarches the référent added that failed validation (French reasons). */
      problems: z.array(z.string()),
    }),
  },
  'flow.demarche': { access: 'signedIn', input: z.object({ id: Id }), output: DemarcheSchema },
  'flow.orientations': {
    access: 'signedIn',
    input: noInput,
    output: z.array(z.object({ code: OrientationCodeSchema, label: z.string() })),
  },
  /** Starts a démarche in the running session. */
  'flow.start': { access: 'session', input: z.object({ demarcheId: Id }), output: FlowEntrySchema },
  'flow.list': { access: 'mediator', input: noInput, output: z.array(FlowEntrySchema) },
  'flow.answer': { access: 'session', input: Key.extend({ questionId: Id, answerId: Id }), output: FlowEntrySchema },
  'flow.goToStep': {
    access: 'session',
    input: Key.extend({ index: z.number().int().min(0).max(50) }),
    output: FlowEntrySchema,
  },
  'flow.markStep': { access: 'session', input: Key.extend({ stepId: Id, done: z.boolean() }), output: FlowEntrySchema },
  'flow.setPiece': {
    access: 'session',
    input: Key.extend({
      pieceId: Id,
      status: PieceStatusSchema,
      scans: z.array(z.string().max(80)).max(20).optional(),
    }),
    output: FlowEntrySchema,
  },
  'flow.setNotes': { access: 'session', input: Key.extend({ notes: z.string().max(4000) }), output: FlowEntrySchema },
  'flow.setOutcome': { access: 'session', input: Key.extend({ outcome: OutcomeSchema }), output: FlowEntrySchema },
  /** The outcome form as the mediator fills it, before "Enregistrer le résultat" (null: nothing chosen). */
  'flow.setDraft': {
    access: 'session',
    input: Key.extend({ draft: OutcomeSchema.nullable() }),
    output: FlowEntrySchema,
  },
  'flow.remove': { access: 'session', input: Key, output: z.object({ ok: z.literal(true) }) },
  /** Checks a value before the usager types it online (plate, e-photo code, …). */
  'flow.checkFormat': {
    access: 'mediator',
    input: z.object({ kind: FormatKindSchema, value: z.string().max(200), demarcheId: Id.optional() }),
    output: FormatCheckSchema,
  },
} as const;

export const flowEvents = {} as const;
