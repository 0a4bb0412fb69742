import { chmodSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WipeReport } from '../../preload/contract/session';
import { SESSIONS_FOLDER, sessionsDir } from './session';
import { fileNotRemoved } from './wipe-messages';

export interface LeftoverSweep {
  /** Session folders found (each one is a session a crash or a power loss interrupted). */
  folders: number;
  files: number;
  bytes: number;
  /** Folders that could not be removed (relative to sessions/). */
  failed: string[];
}

/**
 * Deletes every session folder left in sessions/ (after a crash, a power loss or a wipe that could not finish).
 * Their files are ciphertext whose key died with the process: nobody can read them; this removes the bytes too.
 */
export function sweepLeftoverSessions(dataDir: string): LeftoverSweep {
  const root = sessionsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { folders: 0, files: 0, bytes: 0, failed: [] };
  }
  const sweep: LeftoverSweep = { folders: 0, files: 0, bytes: 0, failed: [] };
  for (const name of names) {
    const path = join(root, name);
    sweep.folders++;
    const found = measure(path);
    sweep.files += found.files;
    sweep.bytes += found.bytes;
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
    } catch {
      try {
        // A folder left read-only is made writable again before a second try.
        chmodSync(path, 0o700);
        rmSync(path, { recursive: true, force: true });
      } catch {
        sweep.failed.push(name);
      }
    }
  }
  return sweep;
}

function measure(path: string): { files: number; bytes: number } {
  try {
    const stat = lstatSync(path);
    if (!stat.isDirectory()) return { files: 1, bytes: stat.size };
    return readdirSync(path).reduce(
      (sum, name) => {
        const inner = measure(join(path, name));
        return { files: sum.files + inner.files, bytes: sum.bytes + inner.bytes };
      },
      { files: 0, bytes: 0 },
    );
  } catch {
    return { files: 0, bytes: 0 };
  }
}

/**
 * The start-up sweep told as a wipe report (reason 'startup'), for the home screen: what an accompaniment that
 * could not end (crash, power loss, a quit cut short) left, and that it is gone — or what is still there.
 */
export function startupSweepReport(sweep: LeftoverSweep, durationMs: number, at: Date): WipeReport {
  const ok = sweep.failed.length === 0;
  return {
    reason: 'startup',
    status: ok ? 'completed' : 'failed',
    finishedAt: at.toISOString(),
    durationMs: Math.max(0, Math.round(durationMs)),
    removed: {
      files: sweep.files,
      bytes: sweep.bytes,
      workspaceFiles: sweep.files,
      workspaceBytes: sweep.bytes,
      participants: [],
      figures: { folders: sweep.folders },
      clipboardCleared: false,
      walCheckpointed: false,
      renderer: 'process',
    },
    steps: [{ name: 'startup-sweep', ok, attempts: 1, ms: Math.max(0, Math.round(durationMs)) }],
    verification: { ok, leftovers: sweep.failed.length, checkedEntries: sweep.folders },
    problems: ok ? [] : [fileNotRemoved(sweep.failed.map((name) => `${SESSIONS_FOLDER}/${name}`))],
  };
}
