import { connect, type Socket } from 'node:net';
import { connectFault, printFault, stopFault, type Sent } from './faults';

/** ESC/POS real-time status requests (Epson): offline cause (cover) and roll paper sensor. */
const ASK_OFFLINE_CAUSE = Buffer.from([0x10, 0x04, 0x02]);
const ASK_PAPER = Buffer.from([0x10, 0x04, 0x04]);

export interface NetworkTarget {
  host: string;
  port: number;
  timeoutMs: number;
  /** Epson-compatible printers answer DLE EOT: ask before the job (paper, cover) and after it (the job arrived). */
  askStatus: boolean;
}

export interface PrinterHealth {
  paperOut: boolean;
  coverOpen: boolean;
}

export function parseNetworkInterface(value: string): { host: string; port: number } | null {
  const match = /^tcp:\/\/([^/:]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?\/?$/i.exec(value.trim());
  if (!match) return null;
  const port = match[2] ? Number(match[2]) : 9100;
  if (port < 1 || port > 65535) return null;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/**
 * Raw TCP to a network receipt printer (port 9100). node-thermal-printer's own network interface resolves as soon as
 * the bytes leave and cannot tell a stalled printer from a working one; this link asks the printer for its status
 * before the job (nothing is sent to a printer without paper or with its cover open) and after it (the printer
 * read the whole job), and says for every failure whether paper may have come out.
 */
export class NetworkLink {
  constructor(private readonly target: NetworkTarget) {}

  async isPrinterConnected(): Promise<boolean> {
    try {
      await this.health();
      return true;
    } catch {
      return false;
    }
  }

  /** Connects and, when the printer answers status requests, reads paper and cover state. */
  async health(): Promise<PrinterHealth> {
    const socket = await this.open();
    try {
      return this.target.askStatus ? await this.askHealth(socket, 'none') : { paperOut: false, coverOpen: false };
    } finally {
      socket.destroy();
    }
  }

  /**
   * Sends the job, or throws a fault saying whether paper may have come out. `signal` stops it at once (deadline,
   * mediator, end of session): the connection is reset, which also drops what the system still held to send, so
   * nothing of this job reaches the printer afterwards.
   */
  async send(job: Buffer, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw stopFault(signal.reason, 'none');
    const socket = await this.open();
    if (signal.aborted) {
      socket.destroy();
      throw stopFault(signal.reason, 'none');
    }
    let sent: Sent = 'none';
    let confirmed = false;
    let onAbort = () => {};
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => {
        reject(stopFault(signal.reason, sent));
        socket.resetAndDestroy();
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([stopped, this.exchange(socket, job, () => (sent = 'unknown'))]);
      confirmed = true;
    } finally {
      signal.removeEventListener('abort', onAbort);
      // Unconfirmed: reset rather than close, or the system would keep delivering the rest of the job later.
      if (confirmed || sent === 'none') socket.destroy();
      else if (!socket.destroyed) socket.resetAndDestroy();
    }
  }

  private async exchange(socket: Socket, job: Buffer, onWritten: () => void): Promise<void> {
    if (this.target.askStatus) {
      const before = await this.askHealth(socket, 'none');
      if (before.coverOpen) throw printFault('printer_cover_open', 'none');
      if (before.paperOut) throw printFault('printer_paper_out', 'none');
      socket.write(job);
      onWritten();
      // The answer comes once the printer has read everything before the request: the whole job arrived.
      const after = await this.askPaper(socket, 'unknown');
      if (after) throw printFault('printer_paper_ran_out', 'partial');
      await this.finish(socket, false);
    } else {
      socket.write(job);
      onWritten();
      await this.finish(socket, true);
    }
  }

  private open(): Promise<Socket> {
    const { host, port, timeoutMs } = this.target;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(printFault('printer_timeout', 'none'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(connectFault(error));
      });
    });
  }

  private async askHealth(socket: Socket, sent: Sent): Promise<PrinterHealth> {
    const [cause, paper] = await this.request(socket, Buffer.concat([ASK_OFFLINE_CAUSE, ASK_PAPER]), 2, sent);
    return { coverOpen: (cause! & 0x04) !== 0, paperOut: (paper! & 0x60) !== 0 };
  }

  private async askPaper(socket: Socket, sent: Sent): Promise<boolean> {
    const [paper] = await this.request(socket, ASK_PAPER, 1, sent);
    return (paper! & 0x60) !== 0;
  }

  /** Writes a request and reads `count` status bytes; a silent printer is a timeout, a cut link a drop. */
  private request(socket: Socket, bytes: Buffer, count: number, sent: Sent): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      let received = Buffer.alloc(0);
      const done = (error: Error | null, value?: Buffer) => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (error) reject(error);
        else resolve(value!);
      };
      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= count) done(null, received.subarray(0, count));
      };
      const lost = sent === 'none' ? printFault('printer_timeout', 'none') : printFault('printer_dropped', 'partial');
      const onError = (error: Error) => done(Object.assign(lost, { cause: error }));
      const onClose = () => done(lost);
      // Connected, but no answer to a status request: a printer that does not speak DLE EOT, or one that is stuck.
      const timer = setTimeout(
        () => done(sent === 'none' ? printFault('printer_no_status', 'none') : printFault('printer_unconfirmed', sent)),
        this.target.timeoutMs,
      );
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('close', onClose);
      socket.write(bytes);
    });
  }

  /**
   * Half-closes and waits for the printer to close its side. Without a status answer that close is the only sign
   * the job was read: a printer that never closes is "unconfirmed", a reset is a drop.
   */
  private finish(socket: Socket, mustConfirm: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => (mustConfirm ? reject(printFault('printer_unconfirmed', 'unknown')) : resolve()),
        mustConfirm ? this.target.timeoutMs : Math.min(this.target.timeoutMs, 1000),
      );
      socket.once('error', (error) => {
        clearTimeout(timer);
        if (mustConfirm) reject(printFault('printer_dropped', 'partial', error));
        else resolve();
      });
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.on('data', () => {});
      socket.end();
    });
  }
}
