/**
 * A receipt printer on 127.0.0.1 for the tests: a TCP server that receives a job the way a network printer does
 * (raw port 9100), answers ESC/POS status requests, and decodes the bytes back to text lines with the active code
 * page, QR payloads, images and cuts. Modes reproduce the faults: refuse connections, stall (accept and read
 * nothing until the mode changes back, as a printer out of paper does, then print what it still holds), drop
 * mid-job, report paper out or cover open, and a printer that never answers status requests (noStatus).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { decodeText, type CharacterSetName } from '../../main/print/code-page';

export type PeerMode = 'normal' | 'refuse' | 'stall' | 'drop';

export interface DecodedLine {
  text: string;
  bold: boolean;
}

export interface DecodedJob {
  /** Printed text lines, in order; a QR code appears as a line "[QR] payload", a raster image as "[IMAGE wxh]". */
  lines: DecodedLine[];
  qr: string[];
  images: number;
  cuts: number;
  /** Code tables selected, in order (names of node-thermal-printer's CharacterSet). */
  codePages: string[];
  statusRequests: number;
  /** Bytes the decoder did not understand (should stay 0). */
  unknown: number;
}

const EPSON_TABLES: Record<number, CharacterSetName> = {
  0: 'PC437_USA',
  2: 'PC850_MULTILINGUAL',
  4: 'PC863_CANADIAN_FRENCH',
  16: 'WPC1252',
  19: 'PC858_EURO',
  40: 'ISO8859_15_LATIN9',
};
const STAR_TABLES: Record<number, CharacterSetName> = {
  1: 'PC437_USA',
  4: 'PC858_EURO',
  8: 'PC863_CANADIAN_FRENCH',
  32: 'WPC1252',
};

/** Decodes an ESC/POS (Epson) or Star line-mode job, as a printer would read it. */
export function decodeJob(bytes: Buffer, type: 'epson' | 'star' = 'epson'): DecodedJob {
  const job: DecodedJob = { lines: [], qr: [], images: 0, cuts: 0, codePages: [], statusRequests: 0, unknown: 0 };
  let table: CharacterSetName = 'PC437_USA';
  let bold = false;
  let lineBold = false;
  let pending: number[] = [];
  let storedQr = '';
  const flush = () => {
    job.lines.push({ text: decodeText(Buffer.from(pending), table), bold: lineBold });
    pending = [];
    lineBold = false;
  };
  const text = (byte: number) => {
    if (pending.length === 0) lineBold = bold;
    pending.push(byte);
  };
  const special = (line: string) => {
    if (pending.length) flush();
    job.lines.push({ text: line, bold: false });
  };
  const tables = type === 'star' ? STAR_TABLES : EPSON_TABLES;
  const select = (n: number) => {
    table = tables[n] ?? 'PC437_USA';
    job.codePages.push(tables[n] ?? `unknown:${n}`);
  };
  const reset = () => {
    table = 'PC437_USA';
    bold = false;
  };

  let i = 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x10 && at(1) === 0x04) {
      job.statusRequests += 1;
      i += 3;
    } else if (b === 0x0b || b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      const c = at(1);
      if (c === 0x40) {
        reset();
        i += 2;
      } else if (type === 'epson' && c === 0x74) {
        select(at(2));
        i += 3;
      } else if (type === 'epson' && c === 0x45) {
        bold = at(2) !== 0;
        i += 3;
      } else if (type === 'star' && c === 0x45) {
        bold = true;
        i += 2;
      } else if (type === 'star' && c === 0x46) {
        bold = false;
        i += 2;
      } else if (type === 'epson' && [0x61, 0x21, 0x2d, 0x4d, 0x33, 0x64, 0x70, 0x7b].includes(c)) {
        i += 3;
      } else if (c === 0x32) {
        i += 2;
      } else if (type === 'star' && c === 0x64) {
        job.cuts += 1;
        i += 3;
      } else if (type === 'star' && c === 0x69) {
        i += 4;
      } else if (type === 'star' && c === 0x1d && at(2) === 0x74) {
        select(at(3));
        i += 4;
      } else if (type === 'star' && c === 0x1d && at(2) === 0x61) {
        i += 4;
      } else if (type === 'star' && c === 0x1d && at(2) === 0x79) {
        const fn = at(3);
        if (fn === 0x53) i += 6;
        else if (fn === 0x44) {
          const length = at(6) + at(7) * 256;
          storedQr = bytes.subarray(i + 8, i + 8 + length).toString('latin1');
          i += 8 + length;
        } else if (fn === 0x50) {
          job.qr.push(storedQr);
          special(`[QR] ${storedQr}`);
          i += 4;
        } else {
          job.unknown += 1;
          i += 4;
        }
      } else if (type === 'star' && c === 0x30) {
        i += 2;
      } else if (type === 'star' && c === 0x7a) {
        i += 3;
      } else if (type === 'star' && c === 0x6b) {
        const width = at(2) + at(3) * 256;
        job.images += 1;
        i += 4 + width * 24;
        if (bytes[i] === 0x0a) i += 1;
      } else {
        job.unknown += 1;
        i += 2;
      }
    } else if (b === 0x1d) {
      const c = at(1);
      if (c === 0x21 || c === 0x42 || c === 0x48 || c === 0x66 || c === 0x77 || c === 0x68 || c === 0x7c) {
        i += 3;
      } else if (c === 0x72) {
        job.statusRequests += 1;
        i += 3;
      } else if (c === 0x56) {
        const m = at(2);
        job.cuts += 1;
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (c === 0x28 && at(2) === 0x6b) {
        const length = at(3) + at(4) * 256;
        const cn = at(5);
        const fn = at(6);
        if (cn === 0x31 && fn === 0x50) storedQr = bytes.subarray(i + 8, i + 5 + length).toString('latin1');
        if (cn === 0x31 && fn === 0x51) {
          job.qr.push(storedQr);
          special(`[QR] ${storedQr}`);
        }
        i += 5 + length;
      } else if (c === 0x76 && at(2) === 0x30) {
        const widthBytes = at(4) + at(5) * 256;
        const height = at(6) + at(7) * 256;
        job.images += 1;
        special(`[IMAGE ${widthBytes * 8}x${height}]`);
        i += 8 + widthBytes * height;
      } else {
        job.unknown += 1;
        i += 2;
      }
    } else if (b < 0x20) {
      job.unknown += 1;
      i += 1;
    } else {
      text(b);
      i += 1;
    }
  }
  if (pending.length) flush();
  return job;
}

export interface ReceivedJob {
  bytes: Buffer;
  decoded: DecodedJob;
  /** performance.now() when the last byte arrived. */
  lastByteAt: number;
  /** False when the peer cut the connection before the client finished. */
  complete: boolean;
}

export interface PeerOptions {
  type?: 'epson' | 'star';
  mode?: PeerMode;
  /** In 'drop' mode: bytes read before the connection is cut. */
  dropAfterBytes?: number;
  paperOut?: boolean;
  coverOpen?: boolean;
  /** The roll ends once this many bytes of a connection were read (paper out reported from then on). */
  paperEndsAfterBytes?: number;
  /** Never answers DLE EOT status requests (Star printers, cheap models). */
  noStatus?: boolean;
}

export interface EscPosPeer {
  port: number;
  url: string;
  /** Connections that carried printable content (a status check alone is not a job). */
  jobs: ReceivedJob[];
  connections: number;
  options: Required<PeerOptions>;
  set(options: PeerOptions): Promise<void>;
  /** Resolves with the next job not yet taken (already received or still to come). */
  nextJob(timeoutMs?: number): Promise<ReceivedJob>;
  /** Marks every job received so far as taken: the next nextJob() waits for a new one. */
  skipReceived(): void;
  close(): Promise<void>;
}

export async function startEscPosPeer(initial: PeerOptions = {}): Promise<EscPosPeer> {
  const options: Required<PeerOptions> = {
    type: 'epson',
    mode: 'normal',
    dropAfterBytes: 64,
    paperOut: false,
    coverOpen: false,
    paperEndsAfterBytes: Number.POSITIVE_INFINITY,
    noStatus: false,
    ...initial,
  };
  const sockets = new Set<Socket>();
  const stalled = new Set<Socket>();
  const waiters: Array<(job: ReceivedJob) => void> = [];
  let taken = 0;
  let server: Server | null = null;
  let port = 0;

  const record = (job: ReceivedJob) => {
    if (job.decoded.lines.length === 0 && job.decoded.qr.length === 0 && job.decoded.images === 0) return;
    peer.jobs.push(job);
    const waiter = waiters.shift();
    if (waiter) {
      taken += 1;
      waiter(job);
    }
  };

  const onConnection = (socket: Socket) => {
    peer.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (options.mode === 'stall') {
      // Reads nothing (the bytes wait in the system's buffers) until the printer comes back.
      socket.pause();
      stalled.add(socket);
      socket.on('close', () => stalled.delete(socket));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let lastByteAt = performance.now();
    let cursor = 0;
    let finished = false;
    const finish = (complete: boolean) => {
      if (finished) return;
      finished = true;
      const bytes = Buffer.concat(chunks);
      record({ bytes, decoded: decodeJob(bytes, options.type), lastByteAt, complete });
    };
    socket.on('data', (chunk: Buffer) => {
      lastByteAt = performance.now();
      if (options.mode === 'drop' && size + chunk.length >= options.dropAfterBytes) {
        chunks.push(chunk.subarray(0, Math.max(0, options.dropAfterBytes - size)));
        size = options.dropAfterBytes;
        finish(false);
        socket.resetAndDestroy();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      // Answer real-time status requests (DLE EOT n) as an Epson printer does, once per request.
      const all = Buffer.concat(chunks);
      while (cursor + 2 < all.length) {
        if (all[cursor] !== 0x10 || all[cursor + 1] !== 0x04) {
          cursor += 1;
          continue;
        }
        const n = all[cursor + 2];
        if (options.noStatus) {
          cursor += 3;
          continue;
        }
        const { coverOpen } = options;
        const paperOut = options.paperOut || cursor >= options.paperEndsAfterBytes;
        if (n === 2) socket.write(Buffer.from([0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0)]));
        else if (n === 4) socket.write(Buffer.from([0x12 | (paperOut ? 0x60 : 0)]));
        else if (n === 1) socket.write(Buffer.from([0x16]));
        cursor += 3;
      }
    });
    socket.on('end', () => {
      finish(true);
      socket.end();
    });
    socket.on('close', () => finish(true));
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(onConnection);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server!.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  const unlisten = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      for (const socket of sockets) socket.destroy();
      current.close(() => resolve());
    });

  const peer: EscPosPeer = {
    port: 0,
    url: '',
    jobs: [],
    connections: 0,
    options,
    async set(next) {
      const wasRefusing = options.mode === 'refuse';
      Object.assign(options, next);
      if (options.mode === 'refuse' && !wasRefusing) await unlisten();
      if (options.mode !== 'refuse' && wasRefusing) await listen();
      if (options.mode !== 'stall') {
        for (const socket of stalled) socket.resume();
        stalled.clear();
      }
    },
    nextJob(timeoutMs = 5000) {
      if (peer.jobs.length > taken) return Promise.resolve(peer.jobs[taken++]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no job reached the peer')), timeoutMs);
        waiters.push((job) => {
          clearTimeout(timer);
          resolve(job);
        });
      });
    },
    skipReceived() {
      taken = peer.jobs.length;
    },
    async close() {
      await unlisten();
    },
  };
  await listen();
  peer.port = port;
  peer.url = `tcp://127.0.0.1:${port}`;
  if (options.mode === 'refuse') await unlisten();
  return peer;
}

/** The decoded text lines only (what a person reads on the paper). */
export function paperText(job: DecodedJob): string[] {
  return job.lines.map((line) => line.text);
}
