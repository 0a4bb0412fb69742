import { afterEach, describe, expect, it } from 'vitest';
import { EsclClient } from '../../../main/scanner/escl-client';
import type { ScanSettings } from '../../../main/scanner/escl-xml';
import { runScanJob } from '../../../main/scanner/job-runner';
import { CounterFault } from '../../../main/errors';
import { smallDocument } from '../../fixtures/scan/generate';
import { startTestScanner, type TestScanner, type TestScannerOptions } from '../../helpers/escl-scanner';

const FEEDER: ScanSettings = {
  source: 'adf',
  colorMode: 'RGB24',
  resolution: 300,
  width: 2480,
  height: 3508,
  format: 'image/jpeg',
};

let scanner: TestScanner | null = null;
afterEach(async () => {
  await scanner?.close();
  scanner = null;
});

async function run(options: Partial<TestScannerOptions>, settings: Partial<ScanSettings> = {}, pageTimeoutMs = 3_000) {
  scanner = await startTestScanner({
    pages: [await smallDocument('Page 1'), await smallDocument('Page 2')],
    ...options,
  });
  const client = new EsclClient({ base: scanner.url, fingerprint: null, requestMs: 2_000 });
  const controller = new AbortController();
  return runScanJob({
    client,
    settings: { ...FEEDER, ...settings },
    pageTimeoutMs,
    signal: controller.signal,
    retryMs: 20,
  });
}

async function faultOf(promise: Promise<unknown>): Promise<CounterFault> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CounterFault);
  return error as CounterFault;
}

describe('an eSCL scan job against the test scanner', () => {
  it('takes every page of the feeder until the device answers 404, in order', async () => {
    const pages = await run({});
    expect(pages).toHaveLength(2);
    expect(pages[0]!.bytes.equals(scanner!.options.pages[0]!)).toBe(true);
    expect(pages[1]!.bytes.equals(scanner!.options.pages[1]!)).toBe(true);
    const post = scanner!.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(post.body).toContain('<scan:XResolution>300</scan:XResolution>');
    expect(scanner!.count('GET', 'NextDocument')).toBe(3);
  });

  it('takes one page from the glass and asks for duplex only on the feeder', async () => {
    const pages = await run({}, { source: 'platen' });
    expect(pages).toHaveLength(1);
    expect(scanner!.requests.find((r) => r.method === 'POST')!.body).not.toContain('Duplex');
  });

  it('says the scanner is busy on 503', async () => {
    expect((await faultOf(run({ fault: 'busy' }))).code).toBe('scanner_busy');
  });

  it('says the feeder is empty before creating a job', async () => {
    expect((await faultOf(run({ fault: 'adf-empty' }))).code).toBe('scanner_adf_empty');
    expect(scanner!.count('POST', 'ScanJobs')).toBe(0);
  });

  it('reports a paper jam on the second page, keeps nothing and deletes the job', async () => {
    const fault = await faultOf(run({ fault: 'jam', faultAfterPages: 1 }));
    expect(fault.code).toBe('scanner_jam');
    expect(fault.userMessage).toContain('coincée');
    expect(scanner!.count('DELETE', 'ScanJobs/')).toBe(1);
  });

  it('reports an open cover', async () => {
    expect((await faultOf(run({ fault: 'cover-open', faultAfterPages: 1 }))).code).toBe('scanner_cover_open');
  });

  it('reports a job cancelled on the device panel', async () => {
    expect((await faultOf(run({ fault: 'cancel-on-device', faultAfterPages: 1 }))).code).toBe(
      'scanner_cancelled_on_device',
    );
  });

  it('gives up on a page that never comes, and deletes the job on the device', async () => {
    const started = Date.now();
    const fault = await faultOf(run({ fault: 'stall', faultAfterPages: 1 }, {}, 400));
    expect(fault.code).toBe('scanner_page_timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(scanner!.count('DELETE', 'ScanJobs/')).toBe(1);
  });

  it('reports a connection dropped in the middle of a page', async () => {
    expect((await faultOf(run({ fault: 'drop', faultAfterPages: 0 }))).code).toBe('scanner_dropped');
  });

  it('says the scanner is unreachable when nothing listens', async () => {
    scanner = await startTestScanner({ pages: [] });
    const url = scanner.url;
    await scanner.close();
    scanner = null;
    const client = new EsclClient({ base: url, fingerprint: null, requestMs: 1_000 });
    expect(
      (
        await faultOf(
          runScanJob({ client, settings: FEEDER, pageTimeoutMs: 500, signal: new AbortController().signal }),
        )
      ).code,
    ).toBe('scanner_unreachable');
  });

  it('cancels from the counter: the running job is deleted on the device', async () => {
    scanner = await startTestScanner({ pages: [await smallDocument('1')], fault: 'stall' });
    const client = new EsclClient({ base: scanner.url, fingerprint: null });
    const controller = new AbortController();
    const running = runScanJob({
      client,
      settings: FEEDER,
      pageTimeoutMs: 10_000,
      signal: controller.signal,
      onJob: () => setTimeout(() => controller.abort(), 100),
    });
    expect((await faultOf(running)).code).toBe('scanner_cancelled');
    expect(scanner.count('DELETE', 'ScanJobs/')).toBe(1);
    expect([...scanner.jobs.values()][0]!.state).toBe('Canceled');
  });
});
