import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CounterFault } from '../../../main/errors';
import { smallDocument } from '../../fixtures/scan/generate';
import { startTestScanner, type TestScanner, type TestScannerOptions } from '../../helpers/escl-scanner';
import { useTempDir } from '../../helpers/temp-dir';
import { openScanStation, startSession, type ScanStation } from '../scan/station';

const tempDir = useTempDir('pn-scanner-');
const opened: ScanStation[] = [];
const scanners: TestScanner[] = [];
afterEach(async () => {
  for (const scanner of scanners.splice(0)) await scanner.close();
  for (const station of opened.splice(0)) await station.close();
});

let pages: Buffer[];
beforeAll(async () => {
  pages = [await smallDocument('Facture page 1'), await smallDocument('Facture page 2')];
});

async function scannerWith(options: Partial<TestScannerOptions> = {}) {
  const scanner = await startTestScanner({ pages, ...options });
  scanners.push(scanner);
  return scanner;
}

async function station(options: { pageTimeoutSeconds?: number } = {}) {
  const dataDir = tempDir();
  const opened_ = await openScanStation(dataDir);
  opened.push(opened_);
  const { services } = opened_;
  services.config.setSection('scanner', { ...services.config.section('scanner'), ...options });
  return { ...opened_, dataDir, scanner: services.scanner };
}

async function faultOf(promise: Promise<unknown>): Promise<CounterFault> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CounterFault);
  return error as CounterFault;
}

const ADF = { source: 'adf', colorMode: 'color', resolution: 300 } as const;

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the network scanner at the counter (real client, test eSCL scanner on 127.0.0.1)', () => {
  it('shows what the chosen scanner can do and pins it by its UUID', async () => {
    const device = await scannerWith({ uuid: '6f1c1d2e-0000-4000-8000-00000000a001' });
    const { scanner, services } = await station();
    const state = await scanner.choose(device.url, null);
    expect(state.configured).toBe(true);
    expect(state.problem).toBeNull();
    expect(state.scanner!.name).toBe('Scanographe LX-300');
    expect(state.scanner!.sources.map((source) => source.id)).toEqual(['platen', 'adf', 'adf-duplex']);
    expect(state.scanner!.sources[0]).toMatchObject({
      colorModes: ['color', 'grayscale'],
      resolutions: [150, 300, 600],
      maxWidthMm: 216,
      maxHeightMm: 297,
    });
    expect(services.config.section('scanner')).toMatchObject({
      address: `${device.url}/`,
      uuid: '6f1c1d2e-0000-4000-8000-00000000a001',
    });
  });

  it('refuses another device answering at the pinned address, in French', async () => {
    const first = await scannerWith({ uuid: '6f1c1d2e-0000-4000-8000-00000000a001' });
    const { scanner, session } = await (async () => {
      const opened_ = await station();
      return { ...opened_, session: startSession(opened_.services) };
    })();
    await scanner.choose(first.url, null);
    const port = first.port;
    await first.close();
    await scannerWith({ uuid: '6f1c1d2e-0000-4000-8000-00000000b002', port });
    const state = await scanner.state();
    expect(state.problem?.code).toBe('scanner_other_device');
    const fault = await faultOf(scanner.scan(session, ADF));
    expect(fault.code).toBe('scanner_other_device');
    expect(fault.userMessage).toMatch(/Un autre appareil/);
  });

  it('scans two pages by the feeder into ONE PDF of the pièce, from memory, with progress per page', async () => {
    const device = await scannerWith();
    const { scanner, services, events, dataDir } = await station();
    await scanner.choose(device.url, null);
    const session = startSession(services);
    const result = await scanner.scan(session, {
      ...ADF,
      demarcheId: 'cg-changement-adresse',
      pieceId: 'justificatif-domicile',
    });
    expect(result.pages).toBe(2);
    expect(result.imported).toHaveLength(1);
    const [item] = services.scan.list(session).imports;
    expect(item).toMatchObject({
      source: 'scanner',
      pages: 2,
      format: 'pdf',
      status: 'ready',
      pieceId: 'justificatif-domicile',
      demarcheId: 'cg-changement-adresse',
    });
    const upload = await services.scan.uploadReady(session, item!.id);
    expect(upload.mime).toBe('application/pdf');
    expect(upload.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const steps = events.filter((event) => event.name === 'scanner.progress').map((event) => event.payload);
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'page', pages: 1 }),
        expect.objectContaining({ step: 'page', pages: 2 }),
      ]),
    );
    // No page ever lies in clear in the data dir: every byte there is encrypted (no JPEG, no PDF header).
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const page of pages) expect(bytes.includes(page.subarray(0, 64)) ? file : null).toBeNull();
      expect(bytes.includes(Buffer.from('%PDF-')) ? file : null).toBeNull();
    }
  });

  it('attaches nothing when the paper jams on the second page, and frees the device', async () => {
    const device = await scannerWith({ fault: 'jam', faultAfterPages: 1 });
    const { scanner, services } = await station();
    await scanner.choose(device.url, null);
    const session = startSession(services);
    const fault = await faultOf(scanner.scan(session, ADF));
    expect(fault.code).toBe('scanner_jam');
    expect(fault.userMessage).toMatch(/dossier ou choisir un fichier/);
    expect(services.scan.list(session).imports).toEqual([]);
    expect(device.count('DELETE', '/ScanJobs/')).toBe(1);
  });

  it('says when the scanner is busy with another job (503)', async () => {
    const device = await scannerWith();
    const { scanner, services } = await station();
    await scanner.choose(device.url, null);
    device.set({ fault: 'busy' });
    const fault = await faultOf(scanner.scan(startSession(services), ADF));
    expect(fault.code).toBe('scanner_busy');
  });

  it('says when the scanner is off, and shows it on the state', async () => {
    const device = await scannerWith();
    const { scanner, services } = await station();
    await scanner.choose(device.url, null);
    await device.close();
    expect((await scanner.state()).problem?.code).toBe('scanner_unreachable');
    expect((await faultOf(scanner.scan(startSession(services), ADF))).code).toBe('scanner_unreachable');
  });

  it('stops a page that never comes at its deadline and deletes the job on the device', async () => {
    const device = await scannerWith({ fault: 'stall', faultAfterPages: 1 });
    const { scanner, services } = await station({ pageTimeoutSeconds: 5 });
    await scanner.choose(device.url, null);
    const session = startSession(services);
    const fault = await faultOf(scanner.scan(session, ADF));
    expect(fault.code).toBe('scanner_page_timeout');
    expect(device.count('DELETE', '/ScanJobs/')).toBe(1);
    expect(services.scan.list(session).imports).toEqual([]);
  });

  it('cancels from the counter: the job is deleted on the device and nothing is attached', async () => {
    const device = await scannerWith({ fault: 'stall', faultAfterPages: 1 });
    const { scanner, services } = await station();
    await scanner.choose(device.url, null);
    const session = startSession(services);
    const running = faultOf(scanner.scan(session, ADF));
    await until(() => device.count('GET', 'NextDocument') >= 2);
    await scanner.cancel();
    expect((await running).code).toBe('scanner_cancelled');
    expect([...device.jobs.values()][0]!.state).toBe('Canceled');
    expect(services.scan.list(session).imports).toEqual([]);
  });

  it('ends the session in the middle of a job: the wipe cancels it on the device and nothing of it remains', async () => {
    const device = await scannerWith({ fault: 'stall', faultAfterPages: 1 });
    const { scanner, services, dataDir } = await station();
    await scanner.choose(device.url, null);
    const session = startSession(services);
    const running = faultOf(scanner.scan(session, ADF));
    await until(() => device.count('GET', 'NextDocument') >= 2);
    const report = await services.sessions.end('ended');
    expect(device.count('DELETE', '/ScanJobs/')).toBe(1);
    expect(report!.steps.find((step) => step.name === 'halt:scanner')).toMatchObject({ ok: true });
    expect(report!.status).toBe('completed');
    expect((await running).code).toBe('scanner_cancelled');
    expect((await scanner.state()).running).toBe(false);
    expect(readdirSync(join(dataDir, 'sessions')).length).toBe(0);
  });

  it('makes a one-page test scan for the référent and keeps nothing', async () => {
    const device = await scannerWith();
    const { scanner, dataDir } = await station();
    await scanner.choose(device.url, null);
    const before = filesUnder(dataDir).length;
    const test = await scanner.testScan();
    expect(test.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const meta = await sharp(Buffer.from(test.dataUrl.split(',')[1]!, 'base64')).metadata();
    expect(meta.width).toBeLessThanOrEqual(600);
    expect(device.requests.find((r) => r.method === 'POST')!.body).toContain(
      '<pwg:InputSource>Platen</pwg:InputSource>',
    );
    expect(filesUnder(dataDir).length).toBe(before);
  });
});

describe('an HTTPS scanner with a self-signed certificate', () => {
  const fingerprintOf = (name: string) =>
    new X509Certificate(readFileSync(join(__dirname, '../../fixtures/scanner', `${name}.crt`))).fingerprint256;

  it('shows the fingerprint to accept once, then works pinned to it; a changed certificate is refused', async () => {
    const device = await scannerWith({ tls: 'a' });
    const { scanner, services } = await station();
    const first = await scanner.inspect(device.url, null);
    expect(first).toMatchObject({ state: 'untrusted', fingerprint: fingerprintOf('scanner-a') });
    await expect(scanner.choose(device.url, null)).rejects.toMatchObject({ code: 'scanner_untrusted_certificate' });
    const accepted = await scanner.inspect(device.url, fingerprintOf('scanner-a'));
    expect(accepted.state).toBe('ready');
    await scanner.choose(device.url, fingerprintOf('scanner-a'));
    expect(services.config.section('scanner').fingerprint).toBe(fingerprintOf('scanner-a'));
    const session = startSession(services);
    expect((await scanner.scan(session, ADF)).pages).toBe(2);

    const port = device.port;
    await device.close();
    await scannerWith({ tls: 'b', port, uuid: device.options.uuid });
    const fault = await faultOf(scanner.scan(session, ADF));
    expect(fault.code).toBe('scanner_certificate_changed');
    expect(services.scan.list(session).imports).toHaveLength(1);
  });
});

async function until(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
