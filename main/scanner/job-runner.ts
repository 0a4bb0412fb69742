import type { CounterFault } from '../errors';
import { EsclReplyError, type EsclClient } from './escl-client';
import { EsclHttpError } from './escl-http';
import type { ScanSettings, ScannerStatus } from './escl-xml';
import { faultFrom, scannerFault } from './faults';

/**
 * One scan job from start to end: POST ScanJobs, then NextDocument until the feeder is empty (404), one page
 * for the glass. Pages stay in memory and are handed back only when the whole job succeeded: a jam on page 3
 * returns nothing, so nothing half-scanned is ever attached. Every failure after the job exists deletes it on the
 * device (best effort), so the scanner is free for the next try; so does a cancel from the counter.
 */
export interface JobOptions {
  client: EsclClient;
  settings: ScanSettings;
  /** Deadline for each page (the device scans it, then sends it). */
  pageTimeoutMs: number;
  /** Aborted when the mediator cancels or the session ends. */
  signal: AbortSignal;
  /** The job exists on the device (its URL), so a wipe can delete it. */
  onJob?(job: string): void;
  onPage?(count: number): void;
  /** Pause between tries when the device answers 503 to NextDocument while it prepares the page. */
  retryMs?: number;
  maxPages?: number;
}

export interface ScannedPage {
  bytes: Buffer;
  type: string;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

export async function runScanJob(options: JobOptions): Promise<ScannedPage[]> {
  const { client, settings, signal } = options;
  const feeder = settings.source !== 'platen';
  if (feeder) {
    // Ask first: most devices would otherwise accept the job and fail it, or scan the glass instead.
    const before = await client.status().catch((error: unknown) => {
      throw faultFrom(error, 'setup');
    });
    const fault = feederFault(before);
    if (fault) throw fault;
    if (before.adf === 'empty') throw scannerFault('scanner_adf_empty');
  }
  if (signal.aborted) throw scannerFault('scanner_cancelled');

  let job: string;
  try {
    job = await client.createJob(settings);
  } catch (error) {
    if (error instanceof EsclReplyError && error.status === 409 && feeder) throw scannerFault('scanner_adf_empty');
    throw faultFrom(error, 'setup');
  }
  options.onJob?.(job);

  const pages: ScannedPage[] = [];
  try {
    for (;;) {
      if (signal.aborted) throw scannerFault('scanner_cancelled');
      const page = await nextPage(options, job);
      if (page === null) {
        const status = await client.status().catch(() => null);
        const why = status ? jobEndFault(status, job, feeder) : null;
        if (why) throw why;
        if (pages.length === 0) throw scannerFault(feeder ? 'scanner_adf_empty' : 'scanner_bad_reply');
        return pages;
      }
      pages.push(page);
      options.onPage?.(pages.length);
      if (!feeder) return pages;
      if (pages.length >= (options.maxPages ?? 30)) {
        await client.deleteJob(job).catch(() => undefined);
        return pages;
      }
    }
  } catch (error) {
    const fault = signal.aborted ? scannerFault('scanner_cancelled') : await explain(error, options, job, feeder);
    if (fault.code !== 'scanner_cancelled_on_device') await client.deleteJob(job).catch(() => undefined);
    throw fault;
  }
}

/** One NextDocument, retried on 503 (the device is still scanning) within the page's deadline. */
async function nextPage(options: JobOptions, job: string): Promise<ScannedPage | null> {
  const deadline = Date.now() + options.pageTimeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw scannerFault('scanner_page_timeout');
    try {
      return await options.client.nextDocument(job, left, options.signal);
    } catch (error) {
      if (!(error instanceof EsclReplyError && error.status === 503)) throw error;
      await sleep(Math.min(options.retryMs ?? 500, Math.max(0, deadline - Date.now())), options.signal);
      if (options.signal.aborted) throw scannerFault('scanner_cancelled');
    }
  }
}

async function explain(error: unknown, options: JobOptions, job: string, feeder: boolean): Promise<CounterFault> {
  const timedOut = error instanceof EsclHttpError && error.failure.kind === 'timeout';
  if (!timedOut && !(error instanceof EsclHttpError && error.failure.kind === 'unreachable')) {
    // The device may say why it stopped: jam, cover open, job cancelled on its panel.
    const status = await options.client.status().catch(() => null);
    const why = status ? jobEndFault(status, job, feeder) : null;
    if (why) return why;
  }
  return faultFrom(error, 'job');
}

function feederFault(status: ScannerStatus): CounterFault | null {
  if (status.adf === 'jam') return scannerFault('scanner_jam');
  if (status.adf === 'open') return scannerFault('scanner_cover_open');
  return null;
}

function jobEndFault(status: ScannerStatus, job: string, feeder: boolean): CounterFault | null {
  const path = new URL(job).pathname.replace(/\/$/, '');
  const info = status.jobs.find((item) => item.uri.replace(/\/$/, '') === path || job.endsWith(item.uri));
  if (feeder) {
    const fault = feederFault(status);
    if (fault) return fault;
  }
  if (info && (info.state === 'Canceled' || info.reasons.includes('JobCanceledByUser'))) {
    return scannerFault('scanner_cancelled_on_device');
  }
  if (info && info.state === 'Aborted') return scannerFault('scanner_bad_reply');
  return null;
}
