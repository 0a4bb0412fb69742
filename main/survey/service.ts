import type { Database } from 'better-sqlite3';
import {
  EndFormSchema,
  type EndForm,
  type EndOfSession,
  type ExportRequest,
  type ExportResult,
  type Stats,
  type StatsQuery,
  type SurveyAnswer,
  type SurveyProgress,
} from '../../preload/contract/survey';
import type { ConfigStore } from '../config/config-store';
import { CounterFault, diskFault } from '../errors';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { Platform } from '../platform';
import type { SessionParticipant } from '../session/participant';
import type { ActiveSession } from '../session/session';
import type { SessionService } from '../session/service';
import { deliverExport, type ExportFile } from './delivery';
import { ExitGuard } from './exit-pin';
import { figuresCsv, sessionLogCsv } from './exports';
import { buildLogRows, durationMinutes, prefillForm } from './log-entry';
import { LogWriter } from './log-writer';
import { SurveyRun } from './progress';
import { purgeExpired, type PurgeResult } from './retention';
import { SurveyStats } from './stats';
import { summaryModel } from './summary';
import { summaryPdf } from './summary-pdf';

type LogRows = ReturnType<typeof buildLogRows>;

export interface SurveyDeps {
  db: Database;
  config: ConfigStore;
  journal: Journal;
  sessions: SessionService;
  platform: Platform;
  /** The PIN hash of a mediator (main/access's store), for the survey's exit; null when unknown. */
  mediatorPinHash(mediatorId: number | null): string | null;
  log?: Logger;
  now?: () => Date;
}

export const SURVEY_DISABLED = new CounterFault(
  'survey_disabled',
  "L'enquête de satisfaction est désactivée sur ce poste. Terminez l'accompagnement sans enquête.",
);

export const NO_EXIT_PIN = new CounterFault(
  'not_signed_in',
  'Le code du médiateur de cet accompagnement est introuvable. Appelez le médiateur ou le référent numérique.',
);

/**
 * The anonymous session log and the survey. What the mediator enters at the end of a session and what the usager
 * answers stay in main's memory, keyed by session id, until the session ends (a reload of the screen loses
 * nothing): then `persist` writes the log entry and the answers in one transaction and `clear` forgets them. A
 * crash loses at most the session in progress.
 */
export class SurveyService {
  private readonly forms = new Map<string, EndForm>();
  private readonly runs = new Map<string, SurveyRun>();
  private readonly exits = new Map<string, ExitGuard>();
  /** Log entries made at a session's end, not yet in station.db (a full disk): anonymous, memory only. */
  private readonly pending: LogRows[] = [];
  private readonly writer: LogWriter;
  private readonly statistics: SurveyStats;

  constructor(private readonly deps: SurveyDeps) {
    this.writer = new LogWriter(deps.db);
    this.statistics = new SurveyStats(deps.db);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Its part in the end of every session (registered once at start). */
  participant(): SessionParticipant {
    return {
      name: 'survey',
      label: "le journal anonyme de l'accompagnement et les réponses à l'enquête",
      // The rows are made at the end (its time, its facts) but written after the workspace is deleted.
      persist: (session) => {
        this.pending.push(this.logRows(session));
      },
      record: () => this.writePending(),
      clear: (session) => {
        this.forms.delete(session.id);
        this.runs.delete(session.id);
        this.exits.delete(session.id);
      },
      verify: (session) =>
        this.forms.has(session.id) || this.runs.has(session.id)
          ? ["Les réponses de fin d'accompagnement sont encore en mémoire."]
          : [],
    };
  }

  /** Writes the session's log entry and answers (one transaction). Returns the entry's row id. */
  writeLog(session: ActiveSession): number {
    const { entry, response } = this.logRows(session);
    return this.writer.write(entry, response);
  }

  /**
   * Writes the entries waiting in memory, oldest first. On a full or read-only disk they stay in memory (nothing
   * personal in them) for the next chance — the next accompaniment's start or end — and the mediator is told.
   */
  writePending(): void {
    while (this.pending.length > 0) {
      const { entry, response } = this.pending[0]!;
      try {
        this.writer.write(entry, response);
      } catch (error) {
        const disk = diskFault(error);
        if (!disk) {
          // Not a matter of space: trying again would fail the same way. Said in the log, with no content.
          this.pending.shift();
          this.deps.log?.error('survey.log_refused', { kind: error instanceof Error ? error.name : typeof error });
          throw error;
        }
        this.deps.log?.error('survey.log_pending', { entries: this.pending.length, code: disk.code });
        throw logKept(disk.code === 'disk_full');
      }
      this.pending.shift();
    }
  }

  private logRows(session: ActiveSession): LogRows {
    return buildLogRows({
      startedAt: session.startedAt,
      endedAt: this.now(),
      pseudonym: session.mediator.pseudonym,
      facts: session.facts,
      form: this.forms.get(session.id),
      answers: this.runs.get(session.id)?.answers(this.settings().askRecommendation),
    });
  }

  settings(): { enabled: boolean; askRecommendation: boolean } {
    const { enabled, askRecommendation } = this.deps.config.section('survey');
    return { enabled, askRecommendation };
  }

  endOfSession(): EndOfSession {
    const session = this.deps.sessions.require();
    const { facts } = session;
    return {
      demarches: facts.demarches.map((d) => ({
        demarcheId: d.demarcheId,
        category: d.category,
        outcome: d.outcome,
        orientation: d.orientation ?? null,
      })),
      piecesImported: facts.piecesImported,
      receiptPrinted: facts.receiptPrinted,
      minutes: durationMinutes(session.startedAt, this.now()),
      form: this.forms.get(session.id) ?? prefillForm(facts),
      survey: this.settings(),
    };
  }

  saveEndForm(form: EndForm): void {
    const session = this.deps.sessions.require();
    this.forms.set(session.id, EndFormSchema.parse(form));
  }

  /** The running session's survey (created on first use). */
  private run(): SurveyRun {
    const session = this.deps.sessions.require();
    let run = this.runs.get(session.id);
    if (!run) {
      run = new SurveyRun();
      this.runs.set(session.id, run);
    }
    return run;
  }

  progress(): SurveyProgress {
    return this.run().view(this.settings());
  }

  begin(): SurveyProgress {
    const run = this.run();
    if (this.settings().enabled) run.begin();
    return run.view(this.settings());
  }

  decline(): SurveyProgress {
    const run = this.run();
    run.decline();
    return run.view(this.settings());
  }

  /** Stores one answer for its question alone; the others stay as they were. */
  answer(given: SurveyAnswer): SurveyProgress {
    const run = this.run();
    const settings = this.settings();
    if (!settings.enabled) throw SURVEY_DISABLED;
    if (given.question === 'recommend' && !settings.askRecommendation) {
      throw new CounterFault('survey_question_off', "Cette question n'est pas posée sur ce poste. Passez à la suite.");
    }
    run.answer(given);
    return run.view(settings);
  }

  /** "Réservé au médiateur": the session mediator's PIN, with the survey's own throttle (never the account's). */
  async exit(pin: string): Promise<void> {
    const session = this.deps.sessions.require();
    const pinHash = this.deps.mediatorPinHash(session.mediator.id);
    if (!pinHash) throw NO_EXIT_PIN;
    let guard = this.exits.get(session.id);
    if (!guard) {
      guard = new ExitGuard(() => this.now().getTime());
      this.exits.set(session.id, guard);
    }
    await guard.check(pin, pinHash);
  }

  stats(query: StatsQuery): Stats {
    return this.statistics.compute(query);
  }

  async export(request: ExportRequest): Promise<ExportResult> {
    const station = this.deps.config.section('station').name;
    const span = `${request.from}_${request.to}${request.demarcheId ? `_${request.demarcheId}` : ''}`;
    let file: ExportFile;
    let rows: number;
    if (request.kind === 'sessions') {
      const made = sessionLogCsv(this.deps.db, station, request);
      file = { fileName: `journal-accompagnements_${span}.csv`, mimeType: 'text/csv', bytes: Buffer.from(made.csv) };
      rows = made.rows;
    } else {
      const stats = this.stats({ ...request, granularity: 'month' });
      if (request.kind === 'figures') {
        const made = figuresCsv(stats, station);
        file = { fileName: `chiffres_${span}.csv`, mimeType: 'text/csv', bytes: Buffer.from(made.csv) };
        rows = made.rows;
      } else {
        const pdf = await summaryPdf(summaryModel(stats, station));
        file = { fileName: `resultats-enquete_${span}.pdf`, mimeType: 'application/pdf', bytes: pdf };
        rows = stats.satisfaction.responses;
      }
    }
    const result = await deliverExport(this.deps.platform, file, rows);
    if (result.delivered !== 'cancelled') {
      this.deps.journal.append('export.made', { kind: request.kind, rows }, 'referent');
    }
    return result;
  }

  /** Deletes what is older than the retention period (config 'retention'), journals it, folds the WAL back. */
  purgeExpired(): PurgeResult {
    const { months } = this.deps.config.section('retention');
    return purgeExpired(this.deps.db, months, this.now(), (result) => {
      if (result.sessions + result.responses === 0) return;
      this.deps.journal.append('retention.purged', {
        months,
        sessions: result.sessions,
        responses: result.responses,
      });
    });
  }
}

/** The wipe report's line when the log entry waits in memory for room on the disk. */
function logKept(full: boolean): CounterFault {
  const why = full
    ? 'Le disque de ce poste est plein'
    : 'Le dossier de données de ce poste ne peut plus être modifié (disque en lecture seule)';
  return new CounterFault(
    'survey_log_kept',
    `${why} : le journal anonyme de l'accompagnement n'a pas pu être enregistré. Il est gardé en mémoire et sera enregistré au début du prochain accompagnement. Les données de l'usager sont quand même effacées. Prévenez le référent numérique : il faut libérer de la place sur le disque.`,
  );
}

/** Creates the survey service, joins it to every session's end and runs the retention purge (start-up). */
export function startSurvey(deps: SurveyDeps): SurveyService {
  const survey = new SurveyService(deps);
  deps.sessions.join(survey.participant());
  // An entry the last wipe could not write gets its next chance when the next accompaniment starts.
  deps.sessions.onStart(() => {
    try {
      survey.writePending();
    } catch {
      // Still no room: it stays in memory, already logged; the wipe tries again.
    }
  });
  try {
    survey.purgeExpired();
  } catch (error) {
    deps.log?.error('survey.purge_failed', { kind: error instanceof Error ? error.name : typeof error });
  }
  return survey;
}
