import { randomUUID } from 'node:crypto';
import {
  DEMARCHE_CATEGORIES,
  type Demarche,
  type DemarcheSummary,
  type FlowEntry,
  type FormatCheck,
  type FormatKind,
  type Outcome,
  type PieceStatus,
} from '../../preload/api';
import type { ConfigStore } from '../config/config-store';
import { CounterFault } from '../errors';
import type { Logger } from '../log';
import type { DemarcheFact } from '../session/facts';
import type { SessionService } from '../session/service';
import type { ActiveSession } from '../session/session';
import { siteHosts } from '../site/hosts';
import { checkCatalog, parseLocalDemarches, readCatalogDir, type CatalogLoad } from './catalog';
import { checkFormat, checkPattern } from './formats';
import { withAttachedScans, type AttachedScan } from './attached-scans';
import type { FlowRecord } from './records';
import { buildRecord } from './record-builder';
import { routeOf } from './routing';
import { searchDemarches } from './search';

/** One démarche being done in a session. Memory only; dropped with the session. */
export interface FlowEntryState {
  key: string;
  demarcheId: string;
  answers: Record<string, string>;
  stepIndex: number;
  stepsDone: Set<string>;
  pieces: Map<string, { status: PieceStatus; scans: string[] }>;
  notes: string;
  outcome: Outcome | null;
  /** What the outcome form holds but the mediator has not saved yet (shown on the Reçu screen, offered to save). */
  draft: Outcome | null;
  numeroWarning: string | null;
  /** The same object as in session.facts.demarches: updating it keeps the anonymous facts current. */
  fact: DemarcheFact;
}

export const UNKNOWN_DEMARCHE = new CounterFault(
  'demarche_unknown',
  "Cette démarche n'existe pas dans le catalogue du poste. Revenez à la liste des démarches et choisissez-en une autre.",
);
const UNKNOWN_ENTRY = new CounterFault(
  'flow_unknown',
  "Cette démarche n'est plus en cours dans l'accompagnement. Revenez à la liste des démarches.",
);

/**
 * The démarches catalog (built-in files + the référent's local entries, minus the hidden ones) and the guided flow
 * of the running session. Each session may do several démarches; everything personal (answers, notes, numéros,
 * checklist) stays here, keyed by session id, and is dropped when the session ends.
 */
export class FlowService {
  private readonly builtIn: CatalogLoad;
  private readonly bySession = new Map<string, FlowEntryState[]>();
  /** What the start-up check found wrong in the built-in catalog (shown to the référent). */
  private readonly startProblems: string[];

  constructor(
    private readonly deps: {
      catalogDir: string;
      config: ConfigStore;
      sessions: SessionService;
      log: Logger;
      /** The session's scans and what they are attached to (main/scan); none when absent. */
      scans?: (session: ActiveSession) => AttachedScan[];
    },
  ) {
    this.builtIn = readCatalogDir(deps.catalogDir);
    this.startProblems = [...this.builtIn.problems, ...checkCatalog(this.builtIn.demarches, this.hosts())];
    if (this.startProblems.length > 0) deps.log.warn('flow.catalog_problems', { count: this.startProblems.length });
    deps.log.info('flow.catalog_loaded', { count: this.builtIn.demarches.length });
    deps.sessions.join({ name: 'flow', clear: (session) => void this.bySession.delete(session.id) });
  }

  /** The built-in démarches' ids and titles: a local one may not stand in for a hidden one (main/config/value-guard.ts). */
  builtInTitles(): Array<{ id: string; title: string }> {
    return this.builtIn.demarches.map((d) => ({ id: d.id, title: d.title }));
  }

  /** Every démarche (built-in then local), with the problems found in the local ones. */
  all(): { demarches: Demarche[]; problems: string[] } {
    const local = parseLocalDemarches(this.deps.config.section('demarches').local);
    const ids = new Set(this.builtIn.demarches.map((d) => d.id));
    const problems = [...this.startProblems, ...local.problems];
    const demarches = [...this.builtIn.demarches];
    for (const d of local.demarches) {
      if (ids.has(d.id)) {
        problems.push(
          `La démarche locale « ${d.id} » a le même identifiant qu'une démarche du catalogue : elle est ignorée.`,
        );
        continue;
      }
      const own = checkCatalog([...this.builtIn.demarches, d], this.hosts()).filter((p) => p.startsWith(`${d.id} :`));
      if (own.length > 0) problems.push(...own);
      else {
        demarches.push(d);
        ids.add(d.id);
      }
    }
    return { demarches, problems };
  }

  catalog(options: { query?: string; includeHidden?: boolean } = {}): {
    demarches: DemarcheSummary[];
    categories: Array<{ id: Demarche['category']; label: string }>;
    problems: string[];
  } {
    const { demarches, problems } = this.all();
    const hidden = new Set(this.deps.config.section('demarches').hidden);
    const shown = options.includeHidden ? demarches : demarches.filter((d) => !hidden.has(d.id));
    const found = searchDemarches(shown, options.query ?? '');
    const categories = (Object.keys(DEMARCHE_CATEGORIES) as Array<Demarche['category']>)
      .filter((id) => shown.some((d) => d.category === id))
      .map((id) => ({ id, label: DEMARCHE_CATEGORIES[id] }));
    return {
      demarches: found.map((d) => ({
        id: d.id,
        category: d.category,
        title: d.title,
        summary: d.summary,
        forWhom: d.forWhom,
        local: d.local,
        hidden: hidden.has(d.id),
        kind: d.kind,
        sources: d.sources,
        verifiedOn: d.verifiedOn,
      })),
      categories,
      problems,
    };
  }

  demarche(id: string): Demarche {
    const found = this.all().demarches.find((d) => d.id === id);
    if (!found) throw UNKNOWN_DEMARCHE;
    return found;
  }

  /**
   * Starts a démarche, or reopens it when the session already has it in progress (no outcome yet): "Commencer"
   * twice never makes a second, blank copy that would reach the receipt and the statistics.
   */
  start(demarcheId: string): FlowEntry {
    const session = this.deps.sessions.require();
    const demarche = this.demarche(demarcheId);
    const inProgress = this.entriesOf(session).findLast((e) => e.demarcheId === demarcheId && e.outcome === null);
    if (inProgress) return this.view(inProgress);
    const fact: DemarcheFact = { demarcheId, category: demarche.category, outcome: null };
    const entry: FlowEntryState = {
      key: randomUUID(),
      demarcheId,
      answers: {},
      stepIndex: 0,
      stepsDone: new Set(),
      pieces: new Map(demarche.pieces.map((piece) => [piece.id, { status: 'a_verifier' as const, scans: [] }])),
      notes: '',
      outcome: null,
      draft: null,
      numeroWarning: null,
      fact,
    };
    session.facts.demarches.push(fact);
    this.entriesOf(session).push(entry);
    return this.view(entry);
  }

  list(): FlowEntry[] {
    const session = this.deps.sessions.current();
    return session ? this.entriesOf(session).map((entry) => this.view(entry)) : [];
  }

  get(key: string): FlowEntry {
    return this.view(this.entry(key));
  }

  answer(key: string, questionId: string, answerId: string): FlowEntry {
    const entry = this.entry(key);
    const question = this.demarche(entry.demarcheId).questions.find((q) => q.id === questionId);
    if (!question?.answers.some((a) => a.id === answerId)) {
      throw new CounterFault(
        'answer_unknown',
        "Cette réponse n'existe pas pour cette question. Choisissez une réponse de la liste.",
      );
    }
    entry.answers[questionId] = answerId;
    return this.view(entry);
  }

  goToStep(key: string, index: number): FlowEntry {
    const entry = this.entry(key);
    entry.stepIndex = Math.min(index, this.demarche(entry.demarcheId).steps.length - 1);
    return this.view(entry);
  }

  markStep(key: string, stepId: string, done: boolean): FlowEntry {
    const entry = this.entry(key);
    const steps = this.demarche(entry.demarcheId).steps;
    const index = steps.findIndex((step) => step.id === stepId);
    if (index < 0) throw new CounterFault('step_unknown', "Cette étape n'existe pas pour cette démarche.");
    if (done) {
      entry.stepsDone.add(stepId);
      entry.stepIndex = Math.min(index + 1, steps.length - 1);
    } else entry.stepsDone.delete(stepId);
    return this.view(entry);
  }

  setPiece(key: string, pieceId: string, status: PieceStatus, scans: string[] = []): FlowEntry {
    const entry = this.entry(key);
    const piece = entry.pieces.get(pieceId);
    if (!piece) throw new CounterFault('piece_unknown', "Cette pièce n'est pas dans la liste de cette démarche.");
    piece.status = status;
    piece.scans = status === 'scan' ? scans : [];
    return this.view(entry);
  }

  setNotes(key: string, notes: string): FlowEntry {
    const entry = this.entry(key);
    entry.notes = notes;
    return this.view(entry);
  }

  /** Keeps what the outcome form holds before it is saved (null: nothing chosen). Never checked nor counted. */
  setDraft(key: string, draft: Outcome | null): FlowEntry {
    const entry = this.entry(key);
    entry.draft = draft;
    return this.view(entry);
  }

  setOutcome(key: string, outcome: Outcome): FlowEntry {
    const entry = this.entry(key);
    const demarche = this.demarche(entry.demarcheId);
    const pieces = this.piecesOf(this.deps.sessions.require(), entry);
    entry.numeroWarning = null;
    if (outcome.kind === 'deposee') {
      const numero = outcome.numero.trim();
      if (!numero && demarche.numero.required) {
        throw new CounterFault(
          'numero_required',
          `Pour une démarche déposée, notez le ${demarche.numero.label.toLowerCase()}. Il s'affiche à la fin de la démarche sur le site.`,
        );
      }
      if (numero) {
        const check = checkPattern(numero, demarche.numero);
        if (!check.ok) entry.numeroWarning = check.message;
      }
      entry.outcome = { kind: 'deposee', numero };
    } else if (outcome.kind === 'incomplete') {
      const known = new Set(demarche.pieces.map((piece) => piece.id));
      const listed = outcome.missing.filter((id) => known.has(id));
      const missing =
        listed.length > 0 ? listed : [...pieces].filter(([, p]) => p.status === 'manquant').map(([id]) => id);
      if (missing.length === 0) {
        throw new CounterFault(
          'missing_required',
          'Pour une démarche incomplète, cochez les pièces qui manquent. Elles seront écrites sur le reçu.',
        );
      }
      for (const id of missing) entry.pieces.get(id)!.status = 'manquant';
      entry.outcome = { kind: 'incomplete', missing };
    } else if (outcome.kind === 'orientee') {
      entry.outcome = { kind: 'orientee', orientation: outcome.orientation, why: outcome.why.trim() };
    } else {
      entry.outcome = { kind: 'abandonnee' };
    }
    entry.draft = null;
    entry.fact.outcome = entry.outcome.kind;
    if (entry.outcome.kind === 'orientee') entry.fact.orientation = entry.outcome.orientation;
    else delete entry.fact.orientation;
    return this.view(entry);
  }

  remove(key: string): void {
    const session = this.deps.sessions.require();
    const entries = this.entriesOf(session);
    const index = entries.findIndex((entry) => entry.key === key);
    if (index < 0) throw UNKNOWN_ENTRY;
    const [entry] = entries.splice(index, 1);
    const factIndex = session.facts.demarches.indexOf(entry!.fact);
    if (factIndex >= 0) session.facts.demarches.splice(factIndex, 1);
  }

  checkFormat(kind: FormatKind, value: string, demarcheId?: string): FormatCheck {
    return checkFormat(kind, value, demarcheId ? this.demarche(demarcheId) : undefined);
  }

  /** What the session did, démarche by démarche, for the receipt (main/print) and the end-of-session screens. */
  records(session: ActiveSession): FlowRecord[] {
    const all = this.all().demarches;
    return this.entriesOf(session).flatMap((entry) => {
      const demarche = all.find((d) => d.id === entry.demarcheId);
      return demarche ? [buildRecord(demarche, { ...entry, pieces: this.piecesOf(session, entry) })] : [];
    });
  }

  /** The allowlist the catalog's URLs are checked against (the same as the site panel's). */
  hosts(): string[] {
    const site = this.deps.config.section('site');
    return siteHosts(site.extraHosts, site.exceptionHosts);
  }

  private entriesOf(session: ActiveSession): FlowEntryState[] {
    let entries = this.bySession.get(session.id);
    if (!entries) this.bySession.set(session.id, (entries = []));
    return entries;
  }

  private entry(key: string): FlowEntryState {
    const entry = this.entriesOf(this.deps.sessions.require()).find((candidate) => candidate.key === key);
    if (!entry) throw UNKNOWN_ENTRY;
    return entry;
  }

  /** The entry's pièces with the session's scans applied (main/flow/attached-scans.ts). */
  private piecesOf(
    session: ActiveSession,
    entry: FlowEntryState,
  ): Map<string, { status: PieceStatus; scans: string[] }> {
    const latest = this.entriesOf(session).findLast((e) => e.demarcheId === entry.demarcheId);
    return withAttachedScans(entry.pieces, entry.demarcheId, latest === entry, this.deps.scans?.(session) ?? []);
  }

  private view(entry: FlowEntryState): FlowEntry {
    const session = this.deps.sessions.require();
    const all = this.all().demarches;
    const demarche = all.find((d) => d.id === entry.demarcheId)!;
    const titleOf = (id: string) => all.find((d) => d.id === id)?.title ?? id;
    return {
      key: entry.key,
      demarcheId: entry.demarcheId,
      title: demarche.title,
      category: demarche.category,
      answers: { ...entry.answers },
      route: routeOf(demarche, entry.answers, titleOf),
      stepIndex: entry.stepIndex,
      stepsDone: [...entry.stepsDone],
      pieces: Object.fromEntries(
        [...this.piecesOf(session, entry)].map(([id, p]) => [id, { status: p.status, scans: [...p.scans] }]),
      ),
      notes: entry.notes,
      outcome: entry.outcome,
      unsaved: unsavedDraft(entry),
      numeroWarning: entry.numeroWarning,
    };
  }
}

/**
 * The draft when it says something the saved outcome does not: another kind chosen, or a numéro typed and not
 * saved. (The lists of an incomplete or orientée outcome are completed by main on save, so only the kind counts.)
 */
function unsavedDraft(entry: FlowEntryState): Outcome | null {
  const draft = entry.draft;
  const saved = entry.outcome;
  if (!draft) return null;
  if (draft.kind === 'deposee') {
    const numero = draft.numero.trim();
    return saved?.kind === 'deposee' && saved.numero === numero ? null : { kind: 'deposee', numero };
  }
  return saved?.kind === draft.kind ? null : draft;
}
