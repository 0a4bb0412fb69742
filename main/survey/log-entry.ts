import {
  EndFormSchema,
  ORIENTATION_CODES,
  SURVEY_ITEMS,
  type EndForm,
  type RecommendAnswer,
  type SatisfactionLevel,
  type SurveyAnswers,
  type SurveyItem,
} from '../../preload/contract/survey';
import { ORIENTATIONS } from '../../preload/contract/flow';
import type { DemarcheOutcome, SessionFacts } from '../session/facts';

/**
 * Pure: turns what a session leaves behind (its anonymous facts, the mediator's end-of-session form, the usager's
 * answers) into the rows of the anonymous session log. Codes and counts only; never the numéro de dossier, never
 * free text. Times are the counter's local time.
 */
export interface LogDemarche {
  demarcheId: string;
  category: string;
  outcome: DemarcheOutcome | null;
  orientation: string | null;
}

export interface LogEntry {
  day: string;
  startTime: string;
  minutes: number;
  mediator: string;
  form: EndForm;
  demarches: LogDemarche[];
  pieces: number;
  receiptPrinted: boolean;
  surveyAnswered: boolean;
}

export interface ResponseRow {
  day: string;
  demarcheId: string | null;
  category: string | null;
  levels: Partial<Record<SurveyItem, SatisfactionLevel>>;
  recommend: RecommendAnswer | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day, YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local start time rounded down to the quarter hour, HH:MM (minutes 00, 15, 30 or 45). */
export function quarterHour(date: Date): string {
  return `${pad(date.getHours())}:${pad(Math.floor(date.getMinutes() / 15) * 15)}`;
}

/** Whole minutes between two instants, at least 0 and at most a day. */
export function durationMinutes(start: Date, end: Date): number {
  return Math.min(1440, Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000)));
}

/** A catalog code the log can hold (lowercase, digits, dashes): anything else is reduced to that, never kept raw. */
export function catalogCode(value: string): string {
  const code = value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 64);
  return code || 'inconnu';
}

/** The mediator's pseudonym as the log keeps it: one line, at most 40 characters. */
export function logPseudonym(pseudonym: string): string {
  const line = pseudonym
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, 40);
  return line || 'inconnu';
}

type ReportStructure = (typeof ORIENTATION_CODES)[number];
const REPORT_KIND: Record<string, ReportStructure> = {
  administration: 'administration',
  operateur: 'operateur_ou_organisme_en_charge',
  'aide-demarches': 'aide_aux_demarches_administratives',
  'aide-sociale': 'aide_sociale',
  insertion: 'insertion_professionnelle',
  mediation: 'mediation_numerique',
  autre: 'autre',
};

/** The activity report's structure kind for a flow orientation code ('mairie' → administration). */
export function reportStructure(orientation: string): ReportStructure {
  const known = (ORIENTATIONS as Record<string, { reportKind: string }>)[orientation];
  if (known) return REPORT_KIND[known.reportKind] ?? 'autre';
  return (ORIENTATION_CODES as readonly string[]).includes(orientation) ? (orientation as ReportStructure) : 'autre';
}

const CATEGORY_THEME: Record<string, EndForm['themes'][number]> = {
  permis: 'transports_mobilite',
  'carte-grise': 'transports_mobilite',
  identite: 'papiers_elections_citoyennete',
};

/** The end-of-session form as the app can fill it from the facts; the mediator checks and completes it. */
export function prefillForm(facts: SessionFacts): EndForm {
  const themes = [...new Set(facts.demarches.map((d) => CATEGORY_THEME[d.category]).filter((t) => t !== undefined))];
  const equipment: EndForm['equipment'] = ['ordinateur'];
  if (facts.piecesImported > 0) equipment.push('scanner');
  if (facts.receiptPrinted) equipment.push('imprimante');
  const oriented = facts.demarches.find((d) => d.outcome === 'orientee' && d.orientation);
  return EndFormSchema.parse({
    themes,
    equipment,
    oriented: facts.demarches.some((d) => d.outcome === 'orientee'),
    orientation: oriented?.orientation ? reportStructure(oriented.orientation) : null,
  });
}

function hasAnswer(answers: SurveyAnswers | undefined): answers is SurveyAnswers {
  if (!answers) return false;
  return answers.recommend !== null || SURVEY_ITEMS.some((item) => answers.answers[item] !== undefined);
}

export interface SessionEnd {
  startedAt: Date;
  endedAt: Date;
  pseudonym: string;
  facts: SessionFacts;
  form: EndForm | undefined;
  answers: SurveyAnswers | undefined;
}

/** The log entry and, when the usager answered at least one question, the survey response. */
export function buildLogRows(end: SessionEnd): { entry: LogEntry; response: ResponseRow | null } {
  const form = EndFormSchema.parse(end.form ?? prefillForm(end.facts));
  if (!form.oriented) form.orientation = null;
  const demarches: LogDemarche[] = end.facts.demarches.slice(0, 50).map((d) => ({
    demarcheId: catalogCode(d.demarcheId),
    category: catalogCode(d.category),
    outcome: d.outcome,
    orientation: d.orientation ? catalogCode(d.orientation) : null,
  }));
  const day = localDay(end.startedAt);
  const answered = hasAnswer(end.answers);
  const entry: LogEntry = {
    day,
    startTime: quarterHour(end.startedAt),
    minutes: durationMinutes(end.startedAt, end.endedAt),
    mediator: logPseudonym(end.pseudonym),
    form: { ...form, themes: [...new Set(form.themes)], equipment: [...new Set(form.equipment)] },
    demarches,
    pieces: Math.min(1000, Math.max(0, Math.floor(end.facts.piecesImported))),
    receiptPrinted: end.facts.receiptPrinted,
    surveyAnswered: answered,
  };
  const response: ResponseRow | null = answered
    ? {
        day,
        demarcheId: demarches[0]?.demarcheId ?? null,
        category: demarches[0]?.category ?? null,
        levels: { ...end.answers!.answers },
        recommend: end.answers!.recommend,
      }
    : null;
  return { entry, response };
}
