import { performance } from 'node:perf_hooks';
import type { ConfigStore } from '../config/config-store';
import { CounterFault } from '../errors';
import type { FlowRecord } from '../flow/records';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { Platform } from '../platform';
import type { SessionService } from '../session/service';
import type { ActiveSession } from '../session/session';
import { receiptHtml } from './a4-html';
import { codePageSubstitute } from './code-page';
import { buildEscPosJob, isQrPayloadSafe } from './escpos';
import { PrintFault, printFault } from './faults';
import { ThermalJobs } from './thermal-jobs';
import { layoutReceipt, layoutTestPage, type ReceiptLine } from './layout';
import { A4_COLUMNS, buildReceiptPdf } from './pdf';
import { qrMatrix, type QrMatrix } from './qr-matrix';
import { buildReceiptModel } from './receipt-model';
import { interfaceKind, ThermalTransport, type InterfaceKind, type PrinterDriver } from './thermal-printer';

export interface PrintServiceDeps {
  config: ConfigStore;
  journal: Journal;
  sessions: SessionService;
  platform: Platform;
  log: Logger;
  /** The session's démarches (main/flow: services.flow.records). */
  records: (session: ActiveSession) => FlowRecord[];
  now?: () => Date;
  loadDriver?: () => PrinterDriver | null;
}

export type PreviewLine =
  { kind: 'text'; text: string; bold?: boolean; tall?: boolean } | ({ kind: 'qr'; payload: string } & QrMatrix);

export interface ReceiptPreview {
  width: number;
  characterSet: string;
  lines: PreviewLine[];
  printed: boolean;
  printing: boolean;
}

export interface PrinterStatus {
  enabled: boolean;
  kind: InterfaceKind;
  /** As last measured (null: not measured yet, or no printer set up). */
  connected: boolean | null;
  problem: { code: string; message: string } | null;
  /** When that state was measured (ISO), and how long ago in seconds. */
  measuredAt: string | null;
  ageSeconds: number | null;
  a4: 'system' | 'download';
  printing: boolean;
  printed: boolean;
  /** A job may have printed without confirming it: the mediator must say whether the receipt came out. */
  askReceipt: boolean;
}

export interface PrintResult {
  /** 'needs_answer': nothing sent, the mediator first says whether the last receipt came out (answer()). */
  result: 'printed' | 'already_printed' | 'in_progress' | 'needs_answer';
  jobId: string;
  ms: number;
}

export interface A4Result {
  fileId: string;
  name: string;
  mode: 'printed' | 'cancelled' | 'download';
  /** Web host only: the PDF for the browser to open or download (the desktop app prints it instead). */
  pdfBase64: string | null;
}

const PDF_NAME = 'recu-point-numerique.pdf';
const STAMP_KEEP_MS = 10 * 60_000;
const TEST_PAGE = 'test-page';

/** A whole job's deadline: connecting, asking the state before and after, and the writes, each within timeoutMs. */
export function jobDeadlineMs(timeoutMs: number): number {
  return timeoutMs * 3;
}

/**
 * The receipt: preview, thermal printing (never twice by accident: one job at a time, a second receipt only on an
 * explicit reprint), the A4 PDF fallback kept in the session workspace, and the référent's test page.
 */
export class PrintService {
  private inflight: { id: string; sessionId: string; promise: Promise<PrintResult> } | null = null;
  private readonly jobs: ThermalJobs;
  private readonly lastJob = new Map<string, string>();
  private readonly pdfs = new Map<string, { fileId: string; name: string }>();
  private readonly stamps = new Map<string, Date>();

  constructor(private readonly deps: PrintServiceDeps) {
    this.jobs = new ThermalJobs(() => this.now());
    deps.sessions.join({
      name: 'print',
      // Printing never holds the end of a session, nor outlives it: a running job is stopped for good at once
      // (its device or connection closed), so nothing of it reaches the printer in front of the next usager.
      clear: (session) => {
        this.jobs.forget(session.id);
        this.pdfs.delete(session.id);
        this.lastJob.delete(session.id);
        this.stamps.delete(session.id);
        if (this.inflight?.sessionId === session.id) this.inflight = null;
      },
    });
  }

  preview(): ReceiptPreview {
    const session = this.deps.sessions.require();
    const settings = this.deps.config.section('printer');
    const lines = this.thermalLines(session);
    return {
      width: settings.width,
      characterSet: settings.characterSet,
      lines: lines.flatMap((line): PreviewLine[] => {
        if (line.kind === 'text') return [line];
        if (settings.qrMode === 'none' || !isQrPayloadSafe(line.payload)) return [];
        return [{ ...line, ...qrMatrix(line.payload) }];
      }),
      printed: session.facts.receiptPrinted,
      printing: this.inflight?.sessionId === session.id,
    };
  }

  /** The printer's state as last measured, at once (a check can take the whole timeout: see check()). */
  status(): PrinterStatus {
    const settings = this.deps.config.section('printer');
    const session = this.deps.sessions.current();
    const last = this.jobs.last();
    const base = {
      enabled: settings.enabled,
      kind: interfaceKind(settings.interface),
      a4: this.deps.platform.printA4 ? ('system' as const) : ('download' as const),
      printing: session !== null && this.inflight?.sessionId === session.id,
      printed: session?.facts.receiptPrinted ?? false,
      askReceipt: session !== null && this.jobs.heldFor(session.id),
    };
    if (!settings.enabled) {
      const problem = printFault('printer_disabled').toValue();
      return { ...base, connected: null, problem, measuredAt: null, ageSeconds: null };
    }
    if (!last) return { ...base, connected: null, problem: null, measuredAt: null, ageSeconds: null };
    return {
      ...base,
      connected: last.connected,
      problem: last.problem,
      measuredAt: last.at.toISOString(),
      ageSeconds: Math.max(0, Math.round((this.now().getTime() - last.at.getTime()) / 1000)),
    };
  }

  /** Measures the printer now (connection, paper, cover), unless a job is running: that job measures it. */
  async check(): Promise<PrinterStatus> {
    const settings = this.deps.config.section('printer');
    if (settings.enabled && !this.jobs.busy()) {
      try {
        await this.transport().health();
        this.jobs.measure(null);
      } catch (error) {
        if (!(error instanceof CounterFault)) throw error;
        this.jobs.measure(error);
      }
    }
    return this.status();
  }

  /** Prints the receipt once; `reprint` is the explicit "Réimprimer". A click during a job joins that job. */
  async print(options: { reprint?: boolean } = {}): Promise<PrintResult> {
    const session = this.deps.sessions.require();
    if (this.inflight && this.inflight.sessionId === session.id) {
      return { result: 'in_progress', jobId: this.inflight.id, ms: 0 };
    }
    if (this.jobs.heldFor(session.id)) return { result: 'needs_answer', jobId: '', ms: 0 };
    if (session.facts.receiptPrinted && !options.reprint) {
      return { result: 'already_printed', jobId: this.lastJob.get(session.id) ?? '', ms: 0 };
    }
    const settings = this.deps.config.section('printer');
    const actor = session.mediator.pseudonym;
    if (!settings.enabled) {
      this.deps.journal.append(
        'receipt.print_failed',
        { via: 'thermal', code: 'printer_disabled', sent: 'none' },
        actor,
      );
      throw printFault('printer_disabled');
    }
    const { id, promise } = this.jobs.run(
      session.id,
      this.transport(),
      () => buildEscPosJob(this.thermalLines(session), settings),
      jobDeadlineMs(settings.timeoutMs),
    );
    const result = this.settle(session, id, promise, options.reprint === true);
    this.inflight = { id, sessionId: session.id, promise: result };
    try {
      return await result;
    } finally {
      if (this.inflight?.id === id) this.inflight = null;
    }
  }

  /** The mediator's "Annuler": the running job stops for good (nothing more of it is sent). */
  async cancel(): Promise<{ cancelled: boolean }> {
    const session = this.deps.sessions.require();
    return { cancelled: await this.jobs.stop(session.id, 'cancelled') };
  }

  /**
   * The mediator's answer to "Le reçu est-il sorti ?": yes, the receipt counts as printed (nothing is sent again);
   * no, the next "Imprimer" may send it.
   */
  answer(cameOut: boolean): { printed: boolean } {
    const session = this.deps.sessions.require();
    if (!this.jobs.release(session.id)) return { printed: session.facts.receiptPrinted };
    const actor = session.mediator.pseudonym;
    if (cameOut) {
      session.facts.receiptPrinted = true;
      this.deps.journal.append('receipt.printed', { via: 'thermal', confirmed: 'mediator' }, actor);
    } else {
      this.deps.journal.append('receipt.print_failed', { via: 'thermal', code: 'not_out', sent: 'none' }, actor);
    }
    return { printed: session.facts.receiptPrinted };
  }

  /** The référent's test page: accents, width ruler, QR code, cut. Needs no session. */
  async testPage(): Promise<void> {
    const settings = this.deps.config.section('printer');
    const lines = layoutTestPage({
      station: this.deps.config.section('station').name,
      characterSet: settings.characterSet,
      width: settings.width,
      qrPayload: settings.qrMode === 'none' ? null : 'https://www.service-public.fr/',
      substitute: codePageSubstitute(settings.characterSet),
    });
    const { promise } = this.jobs.run(
      TEST_PAGE,
      this.transport(),
      () => buildEscPosJob(lines, settings),
      jobDeadlineMs(settings.timeoutMs),
    );
    // A test page that may have come out is not held: the référent is at the printer.
    await promise.finally(() => this.jobs.release(TEST_PAGE));
    this.deps.log.info('print.test_page', { width: settings.width });
  }

  /**
   * The A4 fallback: the PDF goes into the session workspace (encrypted, wiped at the end) so it can be uploaded
   * or given; then the desktop app prints it on the system printer, the web host hands it to the browser.
   */
  async a4(): Promise<A4Result> {
    const session = this.deps.sessions.require();
    const lines = this.a4Lines(session);
    const title = 'Récépissé du point numérique';
    const pdf = await buildReceiptPdf(lines, { title, createdAt: this.now() });
    const previous = this.pdfs.get(session.id);
    const fileId = await session.workspace.put(pdf);
    if (previous) await session.workspace.remove(previous.fileId);
    this.pdfs.set(session.id, { fileId, name: PDF_NAME });
    const printA4 = this.deps.platform.printA4;
    if (!printA4) return { fileId, name: PDF_NAME, mode: 'download', pdfBase64: pdf.toString('base64') };
    const started = performance.now();
    try {
      const outcome = await printA4({ html: receiptHtml(lines, title), title });
      if (outcome === 'printed') {
        session.facts.receiptPrinted = true;
        this.deps.journal.append(
          'receipt.printed',
          { via: 'a4', ms: Math.round(performance.now() - started) },
          session.mediator.pseudonym,
        );
      }
      return { fileId, name: PDF_NAME, mode: outcome, pdfBase64: null };
    } catch (error) {
      this.deps.journal.append(
        'receipt.print_failed',
        { via: 'a4', code: 'printer_system_failed' },
        session.mediator.pseudonym,
      );
      throw printFault('printer_system_failed', 'unknown', error);
    }
  }

  /** The receipt PDF saved in this session, for the official site's upload (main/site) or the usager. */
  savedPdf(session: ActiveSession): { fileId: string; name: string } | null {
    return this.pdfs.get(session.id) ?? null;
  }

  private async settle(
    session: ActiveSession,
    id: string,
    job: Promise<{ ms: number; bytes: number }>,
    reprint: boolean,
  ): Promise<PrintResult> {
    const actor = session.mediator.pseudonym;
    try {
      const { ms, bytes } = await job;
      session.facts.receiptPrinted = true;
      this.lastJob.set(session.id, id);
      this.deps.journal.append('receipt.printed', { via: 'thermal', ms, reprint, bytes }, actor);
      return { result: 'printed', jobId: id, ms };
    } catch (error) {
      const code =
        error instanceof PrintFault ? error.printCode : error instanceof CounterFault ? error.code : 'unexpected';
      const sent = error instanceof PrintFault ? error.sent : 'unknown';
      this.deps.journal.append('receipt.print_failed', { via: 'thermal', code, sent }, actor);
      this.deps.log.warn('print.failed', { code, sent });
      throw error;
    }
  }

  private model(session: ActiveSession) {
    return buildReceiptModel({
      records: this.deps.records(session),
      station: this.deps.config.section('station'),
      printedAt: this.stamp(session),
    });
  }

  /**
   * The time on the receipt: the preview's, when it was shown a few minutes ago, so the paper matches the screen
   * to the minute; a fresh one otherwise.
   */
  private stamp(session: ActiveSession): Date {
    const now = this.now();
    const known = this.stamps.get(session.id);
    if (known && now.getTime() - known.getTime() < STAMP_KEEP_MS && now >= known) return known;
    this.stamps.set(session.id, now);
    return now;
  }

  private thermalLines(session: ActiveSession): ReceiptLine[] {
    const settings = this.deps.config.section('printer');
    return layoutReceipt(this.model(session), {
      width: settings.width,
      substitute: codePageSubstitute(settings.characterSet),
    });
  }

  private a4Lines(session: ActiveSession): ReceiptLine[] {
    // The PDF standard fonts use WinAnsi, the same repertoire as Windows-1252.
    return layoutReceipt(this.model(session), { width: A4_COLUMNS, substitute: codePageSubstitute('WPC1252') });
  }

  private transport(): ThermalTransport {
    return new ThermalTransport(this.deps.config.section('printer'), this.deps.loadDriver);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
