import { constants } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import type { RefusalReason } from './refusals';

/**
 * Reads a file of the scan folder or a path from the file dialog the safe way: opened once, without following
 * links (O_NOFOLLOW where the system has it), without blocking (O_NONBLOCK: a named pipe with no writer cannot hold
 * the import queue), checked on the open handle (regular file, same file as the name showed, size) and read from
 * that handle. A file swapped for a link, a pipe or another file between the check and the read is refused.
 */

/** Which file was read: a later delete or retry compares it with what the name holds then. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export type OpenedFile =
  { ok: true; bytes: Buffer; stamp: FileStamp } | { ok: false; reason: RefusalReason; size?: number };

// Windows has neither flag: there the lstat/fstat comparison below is the guard.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

export function sameFile(a: { dev: number; ino: number }, b: { dev: number; ino: number }): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export function stampOf(info: { dev: number; ino: number; size: number; mtimeMs: number }): FileStamp {
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

export function sameStamp(a: FileStamp | null, b: FileStamp): boolean {
  return a !== null && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** True when the name still holds the file that was read, unchanged (same identity, size and time). */
export async function stillTheSame(path: string, stamp: FileStamp): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return Boolean(info && sameFile(info, stamp) && info.size === stamp.size && info.mtimeMs === stamp.mtimeMs);
}

export async function readFileOnce(path: string, maxBytes: number): Promise<OpenedFile> {
  let named;
  try {
    named = await lstat(path);
  } catch (error) {
    return { ok: false, reason: errorReason(error) };
  }
  if (named.isSymbolicLink()) return { ok: false, reason: 'symlink' };
  // A pipe, a device or a folder is never opened: opening some devices has effects of its own.
  if (!named.isFile()) return { ok: false, reason: 'not_a_file' };

  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    return { ok: false, reason: errorReason(error) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not_a_file' };
    // The name was pointed elsewhere between the look and the open (a link put in its place meanwhile on a
    // system without O_NOFOLLOW, or another file).
    if (!sameFile(info, named)) return { ok: false, reason: 'vanished' };
    if (info.size === 0) return { ok: false, reason: 'empty' };
    if (info.size > maxBytes) return { ok: false, reason: 'too_large', size: info.size };
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const after = await handle.stat();
    // Shorter than its size said, or still changing while read: a file being written, not a finished one.
    if (filled < bytes.length || after.size !== info.size || after.mtimeMs !== info.mtimeMs) {
      return { ok: false, reason: 'incomplete' };
    }
    return { ok: true, bytes, stamp: stampOf(info) };
  } catch (error) {
    return { ok: false, reason: errorReason(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function errorReason(error: unknown): RefusalReason {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'vanished';
  // O_NOFOLLOW on a link: Linux says ELOOP, the BSDs and macOS EMLINK or EFTYPE.
  if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE') return 'symlink';
  return 'unreadable';
}
