import type { BigIntStats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/session';
import { writtenDuring } from './folder-files';

/**
 * The list, in the session's workspace, of the files that arrived in the scan folder during the accompaniment: what
 * the start-up sweep deletes from the folder when the station stopped before the session's end (crash, power loss;
 * folder-leftovers.ts). Each file is written down, on disk (fsync), as soon as it is seen and before anything is done
 * with it. By identity only (device, inode, creation time, size, modification time), never by name: a file name may
 * be personal, and this list is not encrypted (the sweep reads it after the workspace's key died with the process).
 * The sweep deletes it with the workspace.
 */
export const ARRIVALS_FILE = 'scan-folder-arrivals.list';

/** One file as the list holds it. */
export interface Arrival {
  dev: bigint;
  ino: bigint;
  /** Creation time in ns; 0 on file systems that do not record it. */
  born: bigint;
  size: bigint;
  mtime: bigint;
}

type Identity = Pick<BigIntStats, 'dev' | 'ino' | 'birthtimeNs' | 'size' | 'mtimeNs'>;

export function arrivalOf(info: Identity): Arrival {
  return { dev: info.dev, ino: info.ino, born: info.birthtimeNs, size: info.size, mtime: info.mtimeNs };
}

export function arrivalLine(arrival: Arrival): string {
  return `${arrival.dev} ${arrival.ino} ${arrival.born} ${arrival.size} ${arrival.mtime}\n`;
}

const LINE = /^(\d{1,20}) (\d{1,20}) (\d{1,30}) (\d{1,20}) (\d{1,30})$/;

/** The list's lines; `damaged` when one is not a well-formed line (the last one cut by the crash, a stray edit). */
export function parseArrivals(text: string): { arrivals: Arrival[]; damaged: boolean } {
  const lines = text.split('\n');
  // Every line ends with its newline: what follows the last one is a line whose writing the crash cut off.
  let damaged = lines.pop() !== '';
  const arrivals: Arrival[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) {
      damaged = true;
      continue;
    }
    const [dev, ino, born, size, mtime] = match.slice(1, 6).map((digits) => BigInt(digits));
    arrivals.push({ dev: dev!, ino: ino!, born: born!, size: size!, mtime: mtime! });
  }
  return { arrivals, damaged };
}

/**
 * True when the file now under a name is the one that arrived: same device and inode, and the same creation time
 * where the system records it (a file created later may get a freed inode number back), else the same size and
 * modification time. A file written again in place keeps its creation time: it is the same file, still the usager's.
 */
export function isArrival(arrival: Arrival, info: Identity): boolean {
  if (arrival.dev !== info.dev || arrival.ino !== info.ino) return false;
  if (arrival.born !== 0n && info.birthtimeNs !== 0n) return arrival.born === info.birthtimeNs;
  return arrival.size === info.size && arrival.mtime === info.mtimeNs;
}

export class FolderArrivals {
  /** What this session's list already holds (or is being written), by identity. */
  private readonly written = new Map<string, Promise<void>>();
  private session: string | null = null;
  /** The session whose workspace folder durably holds the list's name. */
  private folderSynced: string | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly log?: Logger) {}

  /** A file seen in the folder: written down if it was written during the session (else it was there before). */
  arrived(session: ActiveSession, path: string): Promise<void> {
    return this.record(session, path, (info) => writtenDuring(session, Number(info.mtimeMs)));
  }

  /** A file from before that the mediator imports for this usager: it is the session's now. */
  adopted(session: ActiveSession, path: string): Promise<void> {
    return this.record(session, path, () => true);
  }

  private async record(session: ActiveSession, path: string, ours: (info: BigIntStats) => boolean): Promise<void> {
    const info = await lstat(path, { bigint: true }).catch(() => null);
    // Links, pipes and folders are never read nor deleted by the sweep: only regular files are the usager's scans.
    if (!info?.isFile() || !ours(info)) return;
    if (this.session !== session.id) {
      this.session = session.id;
      this.written.clear();
    }
    const arrival = arrivalOf(info);
    // Written once per file: a file still being written keeps its creation time (where the system has none, each
    // new size and time is written down, the last one is what the sweep compares).
    const key = arrival.born === 0n ? arrivalLine(arrival) : `${arrival.dev} ${arrival.ino} ${arrival.born}`;
    const known = this.written.get(key);
    if (known) return known;
    const done = (this.writing = this.writing.then(() => this.append(session, arrival, key)));
    this.written.set(key, done);
    return done;
  }

  private async append(session: ActiveSession, arrival: Arrival, key: string): Promise<void> {
    try {
      // Append-only, never rewritten: a crash can only cut the last line, which the sweep then ignores.
      const handle = await open(join(session.workspace.dir, ARRIVALS_FILE), 'a', 0o600);
      try {
        await handle.write(arrivalLine(arrival));
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (this.folderSynced !== session.id) {
        await syncFolder(session.workspace.dir);
        this.folderSynced = session.id;
      }
    } catch {
      if (this.session === session.id) this.written.delete(key);
      // The workspace is gone (the session just ended) or the disk refuses: the session's end still deletes the
      // file; only a crash now would leave it, held without its name at the next session.
      this.log?.warn('scan.arrival_unrecorded');
    }
  }
}

/** The list's own name made durable in its folder (no such call on Windows, where this fails harmlessly). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle
    ?.sync()
    .catch(() => undefined)
    .finally(() => handle.close());
}
