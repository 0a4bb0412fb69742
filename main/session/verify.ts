import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SESSIONS_FOLDER } from './session';

export interface LeftoverScan {
  /** Paths relative to the data dir ('/' separated) of whatever still belongs to a session. */
  leftovers: string[];
  /** How many entries the scan looked at. */
  checked: number;
}

/**
 * The verification pass of the wipe: walks the whole data dir and lists anything that belongs to a session — any
 * entry under sessions/ (a counter holds one session at a time, so after a wipe that folder is empty) and any
 * file or folder elsewhere whose name carries the session's id.
 */
export async function scanForLeftovers(dataDir: string, sessionId: string | null): Promise<LeftoverScan> {
  const leftovers: string[] = [];
  let checked = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      checked++;
      const path = join(dir, entry.name);
      const rel = relative(dataDir, path).split(sep).join('/');
      const inSessions = rel.startsWith(`${SESSIONS_FOLDER}/`);
      if (inSessions || (sessionId && entry.name.includes(sessionId))) {
        leftovers.push(rel);
        // Everything below a leftover folder is a leftover too; the folder is enough to report.
        continue;
      }
      if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(dataDir);
  return { leftovers, checked };
}
