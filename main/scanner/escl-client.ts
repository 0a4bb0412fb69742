import { esclRequest, type EsclReply } from './escl-http';
import {
  parseCapabilities,
  parseStatus,
  scanSettingsXml,
  type ScanSettings,
  type ScannerCapabilities,
  type ScannerStatus,
} from './escl-xml';

/**
 * The eSCL calls the counter needs, over escl-http: capabilities, status, a job (POST ScanJobs → 201 Location),
 * its pages (GET {job}/NextDocument until 404) and its cancellation (DELETE {job}). Replies that are not what the
 * protocol says come back as EsclReplyError with the HTTP status, for the job runner to interpret.
 */
export class EsclReplyError extends Error {
  constructor(
    readonly step: 'capabilities' | 'status' | 'job' | 'page',
    readonly status: number,
  ) {
    super(`escl ${step}: HTTP ${status}`);
    this.name = 'EsclReplyError';
  }
}

export interface EsclClientOptions {
  /** eSCL root ending with a slash, e.g. http://192.168.1.20/eSCL/ */
  base: string;
  fingerprint: string | null;
  /** Deadline of short requests (capabilities, status, job creation, cancel). */
  requestMs?: number;
  /** Largest page accepted (bytes). */
  maxPageBytes?: number;
}

const XML_MAX = 1_000_000;

export class EsclClient {
  readonly base: string;
  private readonly requestMs: number;
  private readonly maxPageBytes: number;

  constructor(private readonly options: EsclClientOptions) {
    this.base = options.base.endsWith('/') ? options.base : `${options.base}/`;
    this.requestMs = options.requestMs ?? 8_000;
    this.maxPageBytes = options.maxPageBytes ?? 40_000_000;
  }

  private call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    extra: { body?: string; timeoutMs?: number; maxBytes?: number; signal?: AbortSignal } = {},
  ): Promise<EsclReply> {
    return esclRequest({
      method,
      url,
      body: extra.body,
      timeoutMs: extra.timeoutMs ?? this.requestMs,
      maxBytes: extra.maxBytes ?? XML_MAX,
      fingerprint: this.options.fingerprint,
      signal: extra.signal,
    });
  }

  async capabilities(): Promise<ScannerCapabilities> {
    const reply = await this.call('GET', `${this.base}ScannerCapabilities`);
    if (reply.status !== 200) throw new EsclReplyError('capabilities', reply.status);
    return parseCapabilities(reply.body.toString('utf8'));
  }

  async status(): Promise<ScannerStatus> {
    const reply = await this.call('GET', `${this.base}ScannerStatus`);
    if (reply.status !== 200) throw new EsclReplyError('status', reply.status);
    return parseStatus(reply.body.toString('utf8'));
  }

  /** Creates the job; returns its absolute URL. The Location must stay on the scanner's own origin. */
  async createJob(settings: ScanSettings): Promise<string> {
    const reply = await this.call('POST', `${this.base}ScanJobs`, { body: scanSettingsXml(settings) });
    if (reply.status !== 201) throw new EsclReplyError('job', reply.status);
    const location = reply.headers.location;
    if (typeof location !== 'string' || location.length === 0 || location.length > 500) {
      throw new EsclReplyError('job', 0);
    }
    const job = new URL(location, this.base);
    if (job.origin !== new URL(this.base).origin) throw new EsclReplyError('job', 0);
    return job.href.replace(/\/$/, '');
  }

  /** The next page of the job, or null when the device says there is none left (404). */
  async nextDocument(
    job: string,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<{ bytes: Buffer; type: string } | null> {
    const reply = await this.call('GET', `${job}/NextDocument`, { timeoutMs, maxBytes: this.maxPageBytes, signal });
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw new EsclReplyError('page', reply.status);
    return { bytes: reply.body, type: String(reply.headers['content-type'] ?? '') };
  }

  /** Cancels the job on the device; a job already gone (404) counts as cancelled. */
  async deleteJob(job: string): Promise<void> {
    const reply = await this.call('DELETE', job);
    if (reply.status >= 300 && reply.status !== 404) throw new EsclReplyError('job', reply.status);
  }
}
