import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ScanRequest, ScannerDescription, ScannerState } from '../../preload/contract/scanner';
import type { ConfigStore } from '../config/config-store';
import { CounterFault } from '../errors';
import type { EventBus } from '../events';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import { buildPdf } from '../scan/pdf';
import type { ScanService } from '../scan/service';
import type { SessionService } from '../session/service';
import type { ActiveSession } from '../session/session';
import { parseScannerAddress, shownAddress } from './address';
import { EsclClient } from './escl-client';
import { EsclHttpError } from './escl-http';
import type { ScannerCapabilities } from './escl-xml';
import { discoverScanners, type ScannerCandidate } from './discovery';
import { faultFrom, scannerFault } from './faults';
import { runScanJob } from './job-runner';
import { describe, settingsFor } from './settings';

/**
 * The counter's network scanner. The référent picks it (discovered or typed), the app reads its capabilities and
 * pins it: its address, the UUID it gave, and for HTTPS the certificate fingerprint the référent accepted. Each
 * later use reads the capabilities again and refuses another device at that address. The mediator's job runs
 * here; its pages stay in memory until the whole job succeeded, then go to the scan pipeline as one import of
 * the pièce (main/scan: normalised, encrypted in the session workspace). At session end the wipe first stops a
 * running job, which deletes it on the device.
 */
export interface ScannerServiceDeps {
  config: Pick<ConfigStore, 'section' | 'setSection'>;
  sessions: SessionService;
  scan: Pick<ScanService, 'importFromMemory'>;
  bus?: Pick<EventBus, 'emit'>;
  journal?: Pick<Journal, 'append'>;
  log?: Logger;
  discover?: () => Promise<ScannerCandidate[]>;
  /** Deadline of short requests (capabilities, status, job creation); tests shorten it. */
  requestMs?: number;
}

interface RunningJob {
  id: string;
  session: ActiveSession | null;
  controller: AbortController;
  done: Promise<unknown>;
}

type Connection = { client: EsclClient; caps: ScannerCapabilities; description: ScannerDescription };

export class ScannerService {
  private running: RunningJob | null = null;
  private readonly scansPerSession = new WeakMap<ActiveSession, number>();

  constructor(private readonly deps: ScannerServiceDeps) {
    deps.sessions.join({
      name: 'scanner',
      label: 'la numérisation en cours',
      halt: (session) => this.stopFor(session),
      verify: (session) => (this.running?.session === session ? ['numérisation encore en cours sur le scanner'] : []),
    });
  }

  discover(): Promise<ScannerCandidate[]> {
    return (this.deps.discover ?? (() => discoverScanners()))();
  }

  private client(base: string, fingerprint: string | null): EsclClient {
    return new EsclClient({
      base,
      fingerprint,
      requestMs: this.deps.requestMs,
      maxPageBytes: this.deps.config.section('scan').maxInputBytes,
    });
  }

  private checked(address: string): { base: string; tls: boolean } {
    const parsed = parseScannerAddress(address);
    if (!parsed.ok) throw new CounterFault('scanner_bad_address', parsed.message);
    return parsed;
  }

  /** Référent: what the scanner at this address can do, or the fingerprint to accept first. */
  async inspect(
    address: string,
    fingerprint: string | null,
  ): Promise<
    { state: 'ready'; scanner: ScannerDescription } | { state: 'untrusted'; fingerprint: string; message: string }
  > {
    const { base, tls } = this.checked(address);
    try {
      const caps = await this.client(base, tls ? fingerprint : null).capabilities();
      return { state: 'ready', scanner: describe(caps, shownAddress(base), tls, tls ? fingerprint : null) };
    } catch (error) {
      if (error instanceof EsclHttpError && error.failure.kind === 'untrusted_certificate') {
        return {
          state: 'untrusted',
          fingerprint: error.failure.fingerprint,
          message: scannerFault('scanner_untrusted_certificate').userMessage,
        };
      }
      throw faultFrom(error, 'setup');
    }
  }

  /** Référent: pins the scanner. A device that gives no UUID cannot be told from another one: it is refused. */
  async choose(address: string, fingerprint: string | null): Promise<ScannerState> {
    const found = await this.inspect(address, fingerprint);
    if (found.state === 'untrusted') throw scannerFault('scanner_untrusted_certificate');
    if (!found.scanner.uuid) {
      throw new CounterFault(
        'scanner_no_uuid',
        "Ce scanner ne donne pas d'identifiant (UUID) : l'application ne pourrait pas vérifier que c'est toujours lui. Choisissez un autre scanner, ou utilisez le dossier de numérisation.",
      );
    }
    const { base } = this.checked(address);
    this.deps.config.setSection('scanner', {
      ...this.deps.config.section('scanner'),
      address: base,
      uuid: found.scanner.uuid,
      name: found.scanner.name,
      fingerprint: found.scanner.tls ? fingerprint : null,
    });
    this.deps.journal?.append('config.changed', { section: 'scanner' }, 'referent');
    return this.state();
  }

  forget(): void {
    this.deps.config.setSection('scanner', {
      ...this.deps.config.section('scanner'),
      address: null,
      uuid: null,
      name: '',
      fingerprint: null,
    });
    this.deps.journal?.append('config.changed', { section: 'scanner' }, 'referent');
  }

  /** The pinned scanner, reached now; refuses another device at its address or a changed certificate. */
  private async connect(): Promise<Connection> {
    const section = this.deps.config.section('scanner');
    const parsed = section.address ? parseScannerAddress(section.address) : null;
    if (!parsed?.ok || !section.uuid) throw scannerFault('scanner_not_configured');
    const client = this.client(parsed.base, parsed.tls ? section.fingerprint : null);
    let caps: ScannerCapabilities;
    try {
      caps = await client.capabilities();
    } catch (error) {
      const fault = faultFrom(error, 'setup');
      if (fault.code === 'scanner_certificate_changed' || fault.code === 'scanner_untrusted_certificate') {
        this.deps.journal?.append('scanner.refused', { why: 'certificate' });
        throw scannerFault('scanner_certificate_changed');
      }
      throw fault;
    }
    if (caps.uuid !== section.uuid) {
      this.deps.journal?.append('scanner.refused', { why: 'uuid' });
      throw scannerFault('scanner_other_device');
    }
    return { client, caps, description: describe(caps, shownAddress(parsed.base), parsed.tls, section.fingerprint) };
  }

  async state(): Promise<ScannerState> {
    const section = this.deps.config.section('scanner');
    const base = {
      configured: Boolean(section.address && section.uuid),
      name: section.name,
      address: section.address ? shownAddress(section.address) : null,
      running: this.running !== null,
    };
    if (!base.configured) return { ...base, scanner: null, problem: null };
    try {
      return { ...base, scanner: (await this.connect()).description, problem: null };
    } catch (error) {
      return { ...base, scanner: null, problem: faultFrom(error, 'setup').toValue() };
    }
  }

  private claim(session: ActiveSession | null): RunningJob {
    if (this.running) throw scannerFault('scanner_running');
    const job: RunningJob = { id: randomUUID(), session, controller: new AbortController(), done: Promise.resolve() };
    this.running = job;
    return job;
  }

  private progress(
    job: RunningJob,
    step: 'connecting' | 'scanning' | 'page' | 'preparing' | 'done' | 'failed' | 'cancelled',
    pages = 0,
  ) {
    this.deps.bus?.emit('scanner.progress', { jobId: job.id, step, pages });
  }

  /** Runs `work` as THE job of this counter; the wipe can stop it and wait for the device to be told. */
  private async exclusive<T>(session: ActiveSession | null, work: (job: RunningJob) => Promise<T>): Promise<T> {
    const job = this.claim(session);
    const run = work(job);
    job.done = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      if (this.running === job) this.running = null;
    }
  }

  /** Référent: one page, shown as a small image and dropped. */
  async testScan(
    source?: 'platen' | 'adf' | 'adf-duplex',
  ): Promise<{ dataUrl: string; width: number; height: number }> {
    return this.exclusive(null, async (job) => {
      const { client, caps } = await this.connect();
      const chosen = source ?? (caps.sources.platen ? 'platen' : caps.sources.adf ? 'adf' : 'adf-duplex');
      const settings = settingsFor(caps, { source: chosen, colorMode: 'color', resolution: 150 });
      const pages = await runScanJob({
        client,
        settings,
        pageTimeoutMs: this.deps.config.section('scanner').pageTimeoutSeconds * 1000,
        signal: job.controller.signal,
        maxPages: 1,
      });
      const image = sharp(pages[0]!.bytes, { limitInputPixels: this.deps.config.section('scan').maxPixels });
      const { data, info } = await image
        .resize(600, 600, { fit: 'inside' })
        .jpeg({ quality: 70 })
        .toBuffer({ resolveWithObject: true })
        .catch(() => {
          throw scannerFault('scanner_bad_reply');
        });
      return { dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
    });
  }

  /** Mediator: scans into the pièce that asked; resolves once the pages are one import of the session. */
  async scan(
    session: ActiveSession,
    request: Required<Pick<ScanRequest, 'source' | 'colorMode' | 'resolution'>> &
      Pick<ScanRequest, 'demarcheId' | 'pieceId'>,
  ): Promise<{ imported: string[]; pages: number }> {
    return this.exclusive(session, async (job) => {
      const alive = () => !job.controller.signal.aborted && this.deps.sessions.current() === session;
      try {
        this.progress(job, 'connecting');
        const { client, caps } = await this.connect();
        if (!alive()) throw scannerFault('scanner_cancelled');
        this.progress(job, 'scanning');
        const pages = await runScanJob({
          client,
          settings: settingsFor(caps, request),
          pageTimeoutMs: this.deps.config.section('scanner').pageTimeoutSeconds * 1000,
          signal: job.controller.signal,
          onPage: (count) => this.progress(job, 'page', count),
          maxPages: this.deps.config.section('scan').maxPages,
        });
        if (!alive()) throw scannerFault('scanner_cancelled');
        this.progress(job, 'preparing', pages.length);
        const count = (this.scansPerSession.get(session) ?? 0) + 1;
        this.scansPerSession.set(session, count);
        const pageCount = pages.length;
        // Several pages become one PDF of the pièce (pdf-lib, in memory); one page goes as the image itself.
        const bytes = pageCount === 1 ? pages[0]!.bytes : await pdfOf(pages.map((page) => page.bytes));
        const outcome = await this.deps.scan.importFromMemory(session, {
          name: `Numérisation ${count}${pageCount === 1 ? '.jpg' : '.pdf'}`,
          bytes,
          demarcheId: request.demarcheId ?? null,
          pieceId: request.pieceId ?? null,
        });
        pages.length = 0;
        if (outcome.imported.length === 0) {
          throw new CounterFault(
            'scanner_pages_refused',
            outcome.refused[0]?.message ?? scannerFault('scanner_bad_reply').userMessage,
          );
        }
        this.progress(job, 'done', outcome.imported.length);
        return { imported: outcome.imported, pages: pageCount };
      } catch (error) {
        const fault = faultFrom(error, 'job');
        this.progress(job, fault.code === 'scanner_cancelled' ? 'cancelled' : 'failed');
        this.deps.log?.warn('scanner.job_failed', { code: fault.code });
        throw fault;
      }
    });
  }

  /** "Annuler": stops the job; the runner deletes it on the device before the call that started it returns. */
  async cancel(): Promise<void> {
    const job = this.running;
    if (!job) return;
    job.controller.abort();
    await job.done;
  }

  /** Session end: a job of that session is cancelled on the device, and the wipe waits for it. */
  private async stopFor(session: ActiveSession): Promise<void> {
    const job = this.running;
    if (!job || (job.session !== null && job.session !== session)) return;
    job.controller.abort();
    await job.done;
  }
}

/** The pages of one job as one PDF; pages that are not JPEG (PNG from some devices) are converted first. */
async function pdfOf(pages: Buffer[]): Promise<Buffer> {
  const jpegs = [];
  for (const page of pages) {
    const isJpeg = page[0] === 0xff && page[1] === 0xd8;
    const jpeg = isJpeg ? page : await sharp(page, { limitInputPixels: 60_000_000 }).jpeg({ quality: 92 }).toBuffer();
    const meta = await sharp(jpeg, { limitInputPixels: 60_000_000 }).metadata();
    jpegs.push({ jpeg, width: meta.width ?? 2480, height: meta.height ?? 3508 });
  }
  return buildPdf(jpegs);
}
