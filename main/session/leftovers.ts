import { chmodSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sessionsDir } from './session';

export interface LeftoverSweep {
  /** Session folders found (each one is a session a crash or a power loss interrupted). */
  folders: number;
  files: number;
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
    return { folders: 0, files: 0, failed: [] };
  }
  const sweep: LeftoverSweep = { folders: 0, files: 0, failed: [] };
  for (const name of names) {
    const path = join(root, name);
    sweep.folders++;
    sweep.files += countFiles(path);
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

function countFiles(path: string): number {
  try {
    if (!lstatSync(path).isDirectory()) return 1;
    return readdirSync(path).reduce((sum, name) => sum + countFiles(join(path, name)), 0);
  } catch {
    return 0;
  }
}
