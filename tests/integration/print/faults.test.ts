import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterFault } from '../../../main/errors';
import { writeToDevice } from '../../../main/print/device-link';
import { decodeJob, paperText, startEscPosPeer, type EscPosPeer } from '../../helpers/escpos-peer';
import { useTempDir } from '../../helpers/temp-dir';
import { deposee } from '../../unit/print/receipt-records';
import { openPrintStation, type PrintStation } from './station';

const tempDir = useTempDir();
let peer: EscPosPeer | undefined;
let station: PrintStation | undefined;

afterEach(async () => {
  await station?.close();
  await peer?.close();
  station = peer = undefined;
});

async function fault(promise: Promise<unknown>): Promise<CounterFault> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CounterFault) return error;
    throw error;
  }
  throw new Error('expected a fault');
}

function failures() {
  return station!.services.journal.list({ code: 'receipt.print_failed' }).map((e) => e.details);
}

describe('printer faults', () => {
  it('says in French that the printer refuses, prints nothing, and prints on retry once it is back', async () => {
    peer = await startEscPosPeer({ mode: 'refuse' });
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_refused');
    expect(error.userMessage).toContain('refuse la connexion');
    expect(error.userMessage).toContain("Rien n'a été imprimé");
    expect(error.userMessage).toContain('A4 (PDF)');
    expect(station.session.facts.receiptPrinted).toBe(false);
    expect(failures()).toEqual([{ via: 'thermal', code: 'printer_refused', sent: 'none' }]);
    // The failed job is the last measurement: shown at once, with its age.
    const status = station.print.status();
    expect(status).toMatchObject({ connected: false, problem: { code: 'printer_refused' }, ageSeconds: 0 });
    expect(status.measuredAt).toBe(station.clock.now.toISOString());

    await peer.set({ mode: 'normal' });
    station.clock.now = new Date(station.clock.now.getTime() + 42_000);
    expect(station.print.status()).toMatchObject({ connected: false, ageSeconds: 42 });
    expect(await station.print.check()).toMatchObject({ connected: true, problem: null, ageSeconds: 0 });
    expect((await station.print.print()).result).toBe('printed');
    expect(paperText((await peer.nextJob()).decoded).join(' ')).toContain('CIM-2611-4F7Q2');
  });

  it('gives up on a printer that accepts the connection but never answers, before sending the receipt', async () => {
    peer = await startEscPosPeer({ mode: 'stall' });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 600 }, [deposee]);
    const started = Date.now();
    const error = await fault(station.print.print());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('printer_no_status');
    expect(error.userMessage).toContain("ne répond pas aux demandes d'état");
    expect(error.userMessage).toContain('« Demander son état »');
    // Nothing was sent: a retry needs no answer from the mediator.
    expect(station.print.status().askReceipt).toBe(false);
    expect(station.print.preview().printing).toBe(false);
  });

  it('without status requests, a printer that never confirms is reported so the receipt is checked before a retry', async () => {
    peer = await startEscPosPeer({ mode: 'stall' });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 600, askStatus: false }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_unconfirmed');
    expect(error.userMessage).toContain("Regardez d'abord si le reçu est sorti");
    expect(failures()[0]).toMatchObject({ code: 'printer_unconfirmed', sent: 'unknown' });
  });

  it('reports a connection cut in the middle of the job as a possibly incomplete receipt', async () => {
    peer = await startEscPosPeer({ mode: 'drop', dropAfterBytes: 300 });
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_dropped');
    expect(error.userMessage).toContain('peut-être incomplet');
    const partial = await peer.nextJob();
    expect(partial.complete).toBe(false);
    expect(partial.bytes.length).toBe(300);
    expect(station.session.facts.receiptPrinted).toBe(false);

    await peer.set({ mode: 'normal' });
    // Part of it went out: nothing is sent again before the mediator says the receipt did not come out whole.
    expect((await station.print.print()).result).toBe('needs_answer');
    expect(peer.jobs).toHaveLength(1);
    expect(station.print.answer(false)).toEqual({ printed: false });
    expect((await station.print.print()).result).toBe('printed');
    expect((await peer.nextJob()).complete).toBe(true);
  });

  it('reports an unknown printer address', async () => {
    station = openPrintStation(tempDir(), { interface: 'tcp://imprimante-recus.invalid:9100' }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_unknown_host');
    expect(error.userMessage).toContain('introuvable sur le réseau');
  });

  it('does not send the receipt to a printer without paper or with its cover open', async () => {
    peer = await startEscPosPeer({ paperOut: true });
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    expect((await fault(station.print.print())).code).toBe('printer_paper_out');
    await peer.set({ paperOut: false, coverOpen: true });
    const cover = await fault(station.print.print());
    expect(cover.code).toBe('printer_cover_open');
    expect(cover.userMessage).toContain('capot');
    expect(peer.jobs).toHaveLength(0);
    await peer.set({ coverOpen: false });
    expect((await station.print.print()).result).toBe('printed');
  });

  it('says the roll ended during the job, so the receipt is checked before a retry', async () => {
    peer = await startEscPosPeer({ paperEndsAfterBytes: 500 });
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_paper_ran_out');
    expect(error.userMessage).toContain("Regardez d'abord si le reçu est sorti");
    expect(failures()[0]).toMatchObject({ code: 'printer_paper_ran_out', sent: 'partial' });
    expect(station.session.facts.receiptPrinted).toBe(false);
  });

  it('says no printer is set up when printing is disabled', async () => {
    station = openPrintStation(tempDir(), { enabled: false }, [deposee]);
    expect((await fault(station.print.print())).code).toBe('printer_disabled');
    expect(await station.print.status()).toMatchObject({ enabled: false, connected: null, a4: 'download' });
  });

  it('never holds the end of the session while a job hangs', async () => {
    peer = await startEscPosPeer({ mode: 'stall' });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 5000 }, [deposee]);
    const job = station.print.print().catch((error: unknown) => error);
    await new Promise((done) => setTimeout(done, 50));
    const started = Date.now();
    await station.services.sessions.end('ended');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(station.services.sessions.current()).toBeNull();
    await peer.close();
    expect(await job).toBeInstanceOf(CounterFault);
  });
});

describe('other printer interfaces', () => {
  it('writes the job to a local device (a named pipe read like /dev/usb/lp0 is)', async () => {
    const device = join(tempDir(), 'lp0');
    execFileSync('mkfifo', [device]);
    // The "printer": reads whatever is written until the writer closes.
    const received = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      createReadStream(device)
        .on('data', (chunk) => chunks.push(chunk as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject);
    });
    station = openPrintStation(tempDir(), { interface: device }, [deposee]);
    expect(await station.print.check()).toMatchObject({ kind: 'device', connected: true });
    expect((await station.print.print()).result).toBe('printed');
    const decoded = decodeJob(await received);
    expect(paperText(decoded).join(' ').replace(/\s+/g, ' ')).toContain('Numéro de demande : CIM-2611-4F7Q2');
    expect(decoded.cuts).toBe(1);
  });

  it('never writes to a regular file named as the printer, even swapped in after the save', async () => {
    const dir = tempDir();
    const device = join(tempDir(), 'lp0');
    execFileSync('mkfifo', [device]);
    station = openPrintStation(dir, { interface: device }, [deposee]);
    // The pipe is replaced by a plain file after the station read its configuration.
    rmSync(device);
    writeFileSync(device, 'précieux');
    // The stored address now fails the configuration check: the printer falls back to its default address.
    await fault(station.print.print());
    expect(readFileSync(device, 'utf8')).toBe('précieux');
    // And the device link itself checks the opened handle, whatever the configuration said.
    const error = await fault(writeToDevice(device, Buffer.from('reçu'), new AbortController().signal, 1000));
    expect(error.code).toBe('printer_bad_interface');
    expect(readFileSync(device, 'utf8')).toBe('précieux');
  });

  it('reports a missing device without creating a file in its place', async () => {
    const device = '/dev/usb/lp97';
    station = openPrintStation(tempDir(), { interface: device }, [deposee]);
    expect((await fault(station.print.print())).code).toBe('printer_device_missing');
    expect(existsSync(device)).toBe(false);
  });

  it('explains that a system printer needs a driver this station does not have', async () => {
    station = openPrintStation(tempDir(), { interface: 'printer:EPSON_TM_T20' }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_no_driver');
    expect(error.userMessage).toContain('imprimante réseau ou USB');
  });
});
