import { randomUUID } from 'node:crypto';
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
import { layoutReceipt, layoutTestPage, type ReceiptLine } from './layout';
import { buildReceiptPdf } from './pdf';
import { qrMatrix, type QrMatrix } from './qr-matrix';
import { buildReceiptModel, RECEIPT_TITLE } from './receipt-model';
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
  connected: boolean | null;
  problem: { code: string; message: string } | null;
  a4: 'system' | 'download';
  printing: boolean;
  printed: boolean;
}

export interface PrintResult {
  result: 'printed' | 'already_printed' | 'in_progress';
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

/**
 * The receipt: preview, thermal printing (never twice by accident: one job at a time, a second receipt only on an
 * explicit reprint), the A4 PDF fallback kept in the session workspace, and the référent's test page.
 */
export class PrintService {
  private inflight: { id: string; sessionId: string; promise: Promise<PrintResult> } | null = null;
  private readonly lastJob = new Map<string, string>();
  private readonly pdfs = new Map<string, { fileId: string; name: string }>();
  private readonly stamps = new Map<string, Date>();

  constructor(private readonly deps: PrintServiceDeps) {
    deps.sessions.join({
      name: 'print',
      // Printing never holds the end of a session: a job still running finishes or times out on its own.
      clear: (session) => {
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

  async status(): Promise<PrinterStatus> {
    const settings = this.deps.config.section('printer');
    const session = this.deps.sessions.current();
    const base = {
      enabled: settings.enabled,
      kind: interfaceKind(settings.interface),
      a4: this.deps.platform.printA4 ? ('system' as const) : ('download' as const),
      printing: this.inflight !== null && this.inflight.sessionId === session?.id,
      printed: session?.facts.receiptPrinted ?? false,
    };
    if (!settings.enabled) return { ...base, connected: null, problem: printFault('printer_disabled').toValue() };
    if (this.inflight) return { ...base, connected: true, problem: null };
    try {
      await this.transport().health();
      return { ...base, connected: true, problem: null };
    } catch (error) {
      if (error instanceof CounterFault) return { ...base, connected: false, problem: error.toValue() };
      throw error;
    }
  }

  /** Prints the receipt once; `reprint` is the explicit "Réimprimer". A click during a job joins that job. */
  async print(options: { reprint?: boolean } = {}): Promise<PrintResult> {
    const session = this.deps.sessions.require();
    if (this.inflight && this.inflight.sessionId === session.id) {
      return { result: 'in_progress', jobId: this.inflight.id, ms: 0 };
    }
    if (session.facts.receiptPrinted && !options.reprint) {
      return { result: 'already_printed', jobId: this.lastJob.get(session.id) ?? '', ms: 0 };
    }
    const id = randomUUID();
    const promise = this.runJob(session, id, options.reprint === true);
    this.inflight = { id, sessionId: session.id, promise };
    try {
      return await promise;
    } finally {
      if (this.inflight?.id === id) this.inflight = null;
    }
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
    const job = await buildEscPosJob(lines, settings);
    await this.transport().send(job);
    this.deps.log.info('print.test_page', { width: settings.width });
  }

  /**
   * The A4 fallback: the PDF goes into the session workspace (encrypted, wiped at the end) so it can be uploaded
   * or given; then the desktop app prints it on the system printer, the web host hands it to the browser.
   */
  async a4(): Promise<A4Result> {
    const session = this.deps.sessions.require();
    // The A4 page is designed from the model (proportional font, headings), not from the thermal lines.
    const model = this.model(session);
    const title = RECEIPT_TITLE;
    const pdf = await buildReceiptPdf(model, { createdAt: this.now() });
    const previous = this.pdfs.get(session.id);
    const fileId = await session.workspace.put(pdf);
    if (previous) await session.workspace.remove(previous.fileId);
    this.pdfs.set(session.id, { fileId, name: PDF_NAME });
    const printA4 = this.deps.platform.printA4;
    if (!printA4) return { fileId, name: PDF_NAME, mode: 'download', pdfBase64: pdf.toString('base64') };
    const started = performance.now();
    try {
      const outcome = await printA4({ html: receiptHtml(model), title });
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

  private async runJob(session: ActiveSession, id: string, reprint: boolean): Promise<PrintResult> {
    const settings = this.deps.config.section('printer');
    const actor = session.mediator.pseudonym;
    const started = performance.now();
    try {
      if (!settings.enabled) throw printFault('printer_disabled');
      const job = await buildEscPosJob(this.thermalLines(session), settings);
      await this.transport().send(job);
      const ms = Math.round(performance.now() - started);
      session.facts.receiptPrinted = true;
      this.lastJob.set(session.id, id);
      this.deps.journal.append('receipt.printed', { via: 'thermal', ms, reprint, bytes: job.length }, actor);
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

  private transport(): ThermalTransport {
    return new ThermalTransport(this.deps.config.section('printer'), this.deps.loadDriver);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
