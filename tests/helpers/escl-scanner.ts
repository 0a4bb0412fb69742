/**
 * A test eSCL scanner: a real HTTP(S) server on 127.0.0.1 that answers as a network multifunction printer does
 * (ScannerCapabilities, ScannerStatus, POST ScanJobs → 201 Location, GET {job}/NextDocument until 404,
 * DELETE {job}), serving pages from fixture images. It can be told to be busy (503), to run out of paper, to
 * jam or have its cover open after some pages, to have the job cancelled on its panel, to stall (never send the
 * page) or to drop the connection in the middle of a page; and to send its pages at a set rate, so a benchmark
 * can tell the device's time from ours. It records every request, so a test sees what the client asked.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { parseScanSettings } from '../../main/scanner/escl-xml';

export type TestScannerFault =
  'none' | 'busy' | 'adf-empty' | 'jam' | 'cover-open' | 'cancel-on-device' | 'stall' | 'drop';

export interface TestScannerOptions {
  uuid?: string;
  makeAndModel?: string;
  /** Feeder pages, in order (JPEG bytes). The glass serves the first one. */
  pages: Buffer[];
  duplex?: boolean;
  tls?: 'a' | 'b';
  fault?: TestScannerFault;
  /** For jam / cover-open / cancel-on-device / drop / stall: how many pages go through before the fault. */
  faultAfterPages?: number;
  /** Bytes per second for page bodies (the device's own time); unlimited when absent. */
  bytesPerSecond?: number;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

interface Job {
  id: string;
  source: 'platen' | 'adf' | 'adf-duplex';
  next: number;
  state: 'Processing' | 'Completed' | 'Canceled' | 'Aborted';
  reasons: string[];
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'scanner');

export class TestScanner {
  readonly requests: RecordedRequest[] = [];
  readonly jobs = new Map<string, Job>();
  options: Required<Omit<TestScannerOptions, 'tls' | 'bytesPerSecond' | 'port'>> &
    Pick<TestScannerOptions, 'tls' | 'bytesPerSecond' | 'port'>;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private adfState: 'ScannerAdfLoaded' | 'ScannerAdfEmpty' | 'ScannerAdfJam' | 'ScannerAdfDoorOpen' =
    'ScannerAdfLoaded';
  url = '';
  /** Milliseconds the device spent sending page bodies (for the benchmark). */
  deviceMs = 0;

  constructor(options: TestScannerOptions) {
    this.options = {
      uuid: options.uuid ?? randomUUID(),
      makeAndModel: options.makeAndModel ?? 'Scanographe LX-300',
      pages: options.pages,
      duplex: options.duplex ?? true,
      fault: options.fault ?? 'none',
      faultAfterPages: options.faultAfterPages ?? 0,
      tls: options.tls,
      bytesPerSecond: options.bytesPerSecond,
      port: options.port,
    };
    this.reset();
  }

  /** Changes the behaviour between two scans (and puts paper back in the feeder). */
  set(changes: Partial<TestScannerOptions>): void {
    Object.assign(this.options, changes);
    this.reset();
  }

  private reset(): void {
    const { fault, faultAfterPages, pages } = this.options;
    this.adfState =
      fault === 'adf-empty' || pages.length === 0
        ? 'ScannerAdfEmpty'
        : fault === 'jam' && faultAfterPages === 0
          ? 'ScannerAdfJam'
          : fault === 'cover-open' && faultAfterPages === 0
            ? 'ScannerAdfDoorOpen'
            : 'ScannerAdfLoaded';
  }

  async start(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.options.tls
      ? createHttps(
          {
            key: readFileSync(join(FIXTURES, `scanner-${this.options.tls}.key`)),
            cert: readFileSync(join(FIXTURES, `scanner-${this.options.tls}.crt`)),
          },
          handler,
        )
      : createHttp(handler);
    this.server.on(this.options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${port}/eSCL`;
    return this.url;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Requests of one kind, e.g. deletes('DELETE'). */
  count(method: string, pathPart: string): number {
    return this.requests.filter((r) => r.method === method && r.path.includes(pathPart)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests.push({ method: req.method ?? '', path, body });
    const xml = (text: string) => void res.writeHead(200, { 'content-type': 'text/xml' }).end(text);

    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities') return xml(this.capabilities());
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus') return xml(this.status());
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      if (this.options.fault === 'busy') return void res.writeHead(503).end();
      const settings = parseScanSettings(body);
      const source = settings.source ?? 'platen';
      if (source !== 'platen' && this.adfState === 'ScannerAdfEmpty') return void res.writeHead(409).end();
      const job: Job = { id: randomUUID(), source, next: 0, state: 'Processing', reasons: [] };
      this.jobs.set(job.id, job);
      return void res.writeHead(201, { location: `${this.url}/ScanJobs/${job.id}` }).end();
    }
    const match = /^\/eSCL\/ScanJobs\/([0-9a-f-]{36})(\/NextDocument)?$/.exec(path);
    const job = match ? this.jobs.get(match[1]!) : undefined;
    if (!job) return void res.writeHead(404).end();
    if (req.method === 'DELETE' && !match![2]) {
      if (job.state === 'Processing') {
        job.state = 'Canceled';
        job.reasons = ['JobCanceledByClient'];
      }
      return void res.writeHead(200).end();
    }
    if (req.method === 'GET' && match![2]) return this.nextDocument(job, res);
    res.writeHead(405).end();
  }

  private async nextDocument(job: Job, res: ServerResponse): Promise<void> {
    const { fault, faultAfterPages, pages } = this.options;
    if (job.state !== 'Processing') return void res.writeHead(404).end();
    const faultNow = job.next >= faultAfterPages;
    if (fault === 'stall' && faultNow) return; // never answers: the client's deadline must fire
    if (fault === 'jam' && faultNow) {
      this.adfState = 'ScannerAdfJam';
      job.state = 'Aborted';
      job.reasons = ['JobFailed'];
      return void res.writeHead(500).end();
    }
    if (fault === 'cover-open' && faultNow) {
      this.adfState = 'ScannerAdfDoorOpen';
      job.state = 'Aborted';
      return void res.writeHead(500).end();
    }
    if (fault === 'cancel-on-device' && faultNow) {
      job.state = 'Canceled';
      job.reasons = ['JobCanceledByUser'];
      return void res.writeHead(404).end();
    }
    const count = job.source === 'platen' ? 1 : pages.length;
    if (job.next >= count) {
      job.state = 'Completed';
      if (job.source !== 'platen') this.adfState = 'ScannerAdfEmpty';
      return void res.writeHead(404).end();
    }
    const page = pages[job.next]!;
    job.next += 1;
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(page.length) });
    if (fault === 'drop' && faultNow) {
      res.write(page.subarray(0, Math.floor(page.length / 3)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      return void res.socket?.destroy();
    }
    const started = performance.now();
    const rate = this.options.bytesPerSecond;
    if (!rate) res.end(page);
    else {
      const slice = Math.max(1, Math.floor(rate / 20));
      for (let at = 0; at < page.length; at += slice) {
        if (res.destroyed) return;
        res.write(page.subarray(at, at + slice));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      res.end();
    }
    this.deviceMs += performance.now() - started;
  }

  private capabilities(): string {
    const profile = `<scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>600</scan:XResolution><scan:YResolution>600</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>`;
    const caps = (tag: string) =>
      `<scan:${tag}><scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight><scan:MaxScanRegions>1</scan:MaxScanRegions>${profile}</scan:${tag}>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>${this.options.makeAndModel}</pwg:MakeAndModel>
  <pwg:SerialNumber>TST0001</pwg:SerialNumber>
  <scan:UUID>${this.options.uuid}</scan:UUID>
  <scan:Platen>${caps('PlatenInputCaps')}</scan:Platen>
  <scan:Adf>${caps('AdfSimplexInputCaps')}${this.options.duplex ? caps('AdfDuplexInputCaps') : ''}<scan:FeederCapacity>50</scan:FeederCapacity></scan:Adf>
</scan:ScannerCapabilities>`;
  }

  private status(): string {
    const busy = [...this.jobs.values()].some((job) => job.state === 'Processing') || this.options.fault === 'busy';
    const jobs = [...this.jobs.values()]
      .map(
        (job) =>
          `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/${job.id}</pwg:JobUri><pwg:JobUuid>${job.id}</pwg:JobUuid><pwg:JobState>${job.state}</pwg:JobState><pwg:JobStateReasons>${job.reasons.map((r) => `<pwg:JobStateReason>${r}</pwg:JobStateReason>`).join('')}</pwg:JobStateReasons></scan:JobInfo>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version>
  <pwg:State>${busy ? 'Processing' : 'Idle'}</pwg:State>
  <scan:AdfState>${this.adfState}</scan:AdfState>
  <scan:Jobs>${jobs}</scan:Jobs>
</scan:ScannerStatus>`;
  }
}

/** Starts a test scanner; the caller closes it. */
export async function startTestScanner(options: TestScannerOptions): Promise<TestScanner> {
  const scanner = new TestScanner(options);
  await scanner.start();
  return scanner;
}
