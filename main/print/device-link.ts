import { constants, promises as fs } from 'node:fs';
import { printFault, stopFault } from './faults';

/**
 * A receipt printer behind a device file (/dev/usb/lp0, a serial port, COM3). node-thermal-printer's file interface
 * writes with a blocking fs.writeFile retried 1000 times every 200 ms: a printer out of paper blocks a libuv thread
 * per try (after four, every file operation of the app waits, the end of the session included) and a receipt can
 * come out minutes later. Here the device is opened without blocking (O_NONBLOCK: a FIFO without reader or an
 * unplugged lp device fails at once) and written chunk by chunk; "would block" is waited out in small steps that the
 * job's signal interrupts, and the handle is closed for good when the job ends, whatever the outcome.
 */
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOCTTY = constants.O_NOCTTY ?? 0;
// No O_CREAT: a missing device is reported, never replaced by a regular file; O_APPEND, no O_TRUNC: opening a
// regular file by mistake changes nothing in it before the handle check refuses it.
const OPEN_FLAGS = constants.O_WRONLY | constants.O_APPEND | NONBLOCK | NOCTTY;
const CHUNK = 4096;
const RETRY_MS = 25;

/** A device or a named pipe is there; a regular file or a folder is not a printer (main/config/printer-device.ts). */
export function deviceExists(path: string): Promise<boolean> {
  return fs.stat(path).then(
    (info) => !info.isFile() && !info.isDirectory(),
    () => false,
  );
}

/**
 * Writes the whole job or throws a print fault saying whether paper may have come out. The device taking no byte
 * for `stallMs` is a stall; `signal` stops the job (its reason: the deadline, the mediator, the end of session).
 */
export async function writeToDevice(path: string, job: Buffer, signal: AbortSignal, stallMs: number): Promise<void> {
  if (signal.aborted) throw stopFault(signal.reason, 'none');
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (error) {
    throw openFault(error);
  }
  // Checked on the opened handle, not the name: a file swapped in after the save is never written to.
  const info = await handle.stat().catch(() => null);
  if (!info || info.isFile() || info.isDirectory()) {
    await handle.close().catch(() => undefined);
    throw printFault('printer_bad_interface', 'none');
  }
  let written = 0;
  let progressAt = Date.now();
  try {
    while (written < job.length) {
      if (signal.aborted) throw stopFault(signal.reason, written > 0 ? 'partial' : 'none');
      if (Date.now() - progressAt > stallMs) throw stopFault('deadline', written > 0 ? 'partial' : 'none');
      let count = 0;
      try {
        ({ bytesWritten: count } = await handle.write(job, written, Math.min(CHUNK, job.length - written)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          throw printFault('printer_device_error', written > 0 ? 'partial' : 'none', error);
        }
      }
      written += count;
      if (count > 0) progressAt = Date.now();
      else await pause(RETRY_MS, signal);
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openFault(error: unknown) {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENODEV':
      return printFault('printer_device_missing', 'none', error);
    case 'ENXIO':
    case 'EAGAIN':
    case 'EBUSY':
      // A FIFO nobody reads, a port held elsewhere, an lp device that is off: nothing was sent.
      return printFault('printer_timeout', 'none', error);
    default:
      return printFault('printer_device_error', 'none', error);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
