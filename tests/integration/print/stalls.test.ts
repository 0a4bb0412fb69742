import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterFault } from '../../../main/errors';
import { decodeJob, paperText, startEscPosPeer, type EscPosPeer } from '../../helpers/escpos-peer';
import { useTempDir } from '../../helpers/temp-dir';
import { deposee } from '../../unit/print/receipt-records';
import { openPrintStation, type PrintStation } from './station';

/**
 * Printers that stop taking data (paper out on /dev/usb/lp0, a COM port, a stalled network printer without
 * status): every job has a deadline, stops for good when it passes, when the mediator cancels and when the session
 * ends; nothing reaches the printer after the end of the session; nothing is sent twice without the mediator's
 * answer to "Le reçu est-il sorti ?".
 */
const tempDir = useTempDir();
let peer: EscPosPeer | undefined;
let station: PrintStation | undefined;
const fds: number[] = [];

afterEach(async () => {
  await station?.close();
  await peer?.close();
  for (const fd of fds.splice(0)) closeSync(fd);
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

const RECEIPT_TEXT = 'CIM-2611-4F7Q2';

/**
 * A FIFO standing for a blocked USB printer: a reader is there (the device is plugged in) but reads nothing, and
 * the pipe is full, so every write would block. `free` bytes are then taken out (the printer took a little).
 */
function blockedDevice(dir: string, free = 0): { path: string; reader: number } {
  const path = join(dir, 'lp0');
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  fds.push(reader);
  const filler = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  const block = Buffer.alloc(4096, 0x20);
  try {
    for (;;) writeSync(filler, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
  }
  closeSync(filler);
  if (free > 0) readSync(reader, Buffer.alloc(free));
  return { path, reader };
}

/** Everything the printer holds, read now; `open` says whether a writer still holds the device open. */
function drain(reader: number): { bytes: Buffer; open: boolean } {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  for (;;) {
    try {
      const count = readSync(reader, buffer);
      if (count === 0) return { bytes: Buffer.concat(chunks), open: false };
      chunks.push(Buffer.from(buffer.subarray(0, count)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return { bytes: Buffer.concat(chunks), open: true };
      throw error;
    }
  }
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a device printer whose writes block (FIFO never read)', () => {
  it('gives up at the deadline, frees the device, and never prints after the session has ended', async () => {
    const dir = tempDir();
    const device = blockedDevice(tempDir());
    station = openPrintStation(dir, { interface: device.path, timeoutMs: 500 }, [deposee]);
    const started = Date.now();
    const error = await fault(station.print.print());
    expect(Date.now() - started).toBeLessThan(2500);
    expect(error.code).toBe('printer_timeout');
    expect(error.userMessage).toContain("Rien n'a été imprimé");
    // The state on screen is the one this job measured, not "prête".
    expect(station.print.status()).toMatchObject({ connected: false, problem: { code: 'printer_timeout' } });

    // A second try is under way when the session ends: the end finishes at once and stops that job for good.
    const second = fault(station.print.print());
    await wait(100);
    const ending = Date.now();
    await station.services.sessions.end('ended');
    expect(Date.now() - ending).toBeLessThan(1000);
    expect((await second).code).toBe('printer_session_ended');

    // The printer comes back after the end: it holds only what filled it before, no receipt, and no handle is left.
    await wait(700);
    const first = drain(device.reader);
    await wait(700);
    const later = drain(device.reader);
    expect(paperText(decodeJob(Buffer.concat([first.bytes, later.bytes]))).join(' ')).not.toContain(RECEIPT_TEXT);
    expect(later.bytes.length).toBe(0);
    expect(later.open).toBe(false);
    station.services.close();
    station = undefined;
  });

  it('after part of the receipt went out, asks "Le reçu est-il sorti ?" before sending anything again', async () => {
    const dir = tempDir();
    // Room for two pages of the pipe: the first 8 KB of a 10 KB receipt (QR code as an image) go out, then it blocks.
    const device = blockedDevice(tempDir(), 8192);
    station = openPrintStation(dir, { interface: device.path, timeoutMs: 500, qrMode: 'image' }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_stalled');
    expect(error.userMessage).toContain("Regardez d'abord si le reçu est sorti");
    expect(station.print.status().askReceipt).toBe(true);

    // "Réessayer" sends nothing while the question is open.
    expect((await station.print.print()).result).toBe('needs_answer');
    const held = drain(device.reader);
    expect(held.open).toBe(false);
    const sentBefore = held.bytes.length;

    // "Non, rien n'est sorti": the next "Imprimer" sends the whole receipt once.
    expect(station.print.answer(false)).toEqual({ printed: false });
    expect(station.print.status().askReceipt).toBe(false);
    const reader = setInterval(() => drain(device.reader), 20);
    try {
      expect((await station.print.print()).result).toBe('printed');
    } finally {
      clearInterval(reader);
    }
    expect(sentBefore).toBeGreaterThan(0);
    const journal = station.services.journal.list({ code: 'receipt.print_failed' }).map((entry) => entry.details);
    expect(journal).toContainEqual({ via: 'thermal', code: 'printer_stalled', sent: 'partial' });
    expect(journal).toContainEqual({ via: 'thermal', code: 'not_out', sent: 'none' });
  });

  it('stops a blocked job for good when the mediator cancels', async () => {
    const dir = tempDir();
    const device = blockedDevice(tempDir());
    station = openPrintStation(dir, { interface: device.path, timeoutMs: 5000 }, [deposee]);
    const job = fault(station.print.print());
    await wait(100);
    expect(station.print.status().printing).toBe(true);
    expect(await station.print.cancel()).toEqual({ cancelled: true });
    expect((await job).code).toBe('printer_cancelled');
    expect(station.print.status().printing).toBe(false);
    await wait(300);
    const after = drain(device.reader);
    expect(after.open).toBe(false);
    expect(paperText(decodeJob(after.bytes)).join(' ')).not.toContain(RECEIPT_TEXT);
  });

  it('reports a failing device at once, without retrying in the background', async () => {
    station = openPrintStation(tempDir(), { interface: '/dev/full', timeoutMs: 5000 }, [deposee]);
    const started = Date.now();
    const error = await fault(station.print.print());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('printer_device_error');
    expect(error.userMessage).toContain("L'envoi vers l'imprimante de reçus a échoué");
    // Nothing was written: a retry is allowed without asking, and the end of the session is immediate.
    expect(station.print.status().askReceipt).toBe(false);
    const ending = Date.now();
    await station.services.sessions.end('ended');
    expect(Date.now() - ending).toBeLessThan(1000);
    station.services.close();
    station = undefined;
  });
});

describe('a stalled network printer', () => {
  it('without status: never receives a second full job before the mediator answers', async () => {
    peer = await startEscPosPeer({ mode: 'stall' });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 500, askStatus: false }, [deposee]);
    const error = await fault(station.print.print());
    expect(error.code).toBe('printer_unconfirmed');
    expect(station.print.status().askReceipt).toBe(true);
    const connections = peer.connections;
    for (let i = 0; i < 3; i++) expect((await station.print.print()).result).toBe('needs_answer');
    expect(peer.connections).toBe(connections);

    // The printer wakes up: what it held comes out once.
    await peer.set({ mode: 'normal' });
    await wait(300);
    const full = peer.jobs.filter((job) => paperText(job.decoded).join(' ').includes(RECEIPT_TEXT));
    expect(full.length).toBeLessThanOrEqual(1);

    // "Oui, il est sorti": it counts as printed and nothing more is sent.
    expect(station.print.answer(true)).toEqual({ printed: true });
    expect((await station.print.print()).result).toBe('already_printed');
    await wait(200);
    expect(peer.jobs.filter((job) => paperText(job.decoded).join(' ').includes(RECEIPT_TEXT)).length).toBe(full.length);
  });

  it('with status: the end of the session stops the job and nothing reaches the printer afterwards', async () => {
    peer = await startEscPosPeer({ mode: 'stall' });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 3000 }, [deposee]);
    const job = fault(station.print.print());
    await wait(150);
    const ending = Date.now();
    await station.services.sessions.end('ended');
    expect(Date.now() - ending).toBeLessThan(1000);
    expect((await job).code).toBe('printer_session_ended');
    const connections = peer.connections;
    await peer.set({ mode: 'normal' });
    await wait(3500);
    expect(peer.jobs).toHaveLength(0);
    expect(peer.connections).toBe(connections);
    station.services.close();
    station = undefined;
  }, 15_000);

  it("the référent's test detects a printer that does not answer status and says to turn status off", async () => {
    peer = await startEscPosPeer({ noStatus: true });
    station = openPrintStation(tempDir(), { interface: peer.url, timeoutMs: 500 }, [deposee]);
    const error = await fault(station.print.testPage());
    expect(error.code).toBe('printer_no_status');
    expect(error.userMessage).toContain('désactiver « Demander son état »');
    expect(peer.jobs).toHaveLength(0);
    expect((await station.print.check()).problem?.code).toBe('printer_no_status');

    station.services.config.setSection('printer', {
      ...station.services.config.section('printer'),
      askStatus: false,
    });
    await station.print.testPage();
    expect(paperText((await peer.nextJob()).decoded).join(' ')).toContain('Page de test');
  });
});
