import { chmodSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WipeReport } from '../../preload/contract/session';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import { SESSIONS_FOLDER, sessionsDir } from './session';
import { fileNotRemoved } from './wipe-messages';

export interface LeftoverSweep {
  /** Session folders found (each one is a session a crash or a power loss interrupted). */
  folders: number;
  files: number;
  bytes: number;
  /** Folders that could not be removed (relative to sessions/). */
  failed: string[];
  /** What the capabilities deleted outside the workspaces, by figure ('scan.files', 'scan.bytes'). */
  outside: Record<string, number>;
  /** Their French sentences for the mediator (a list they could not read, a file they could not delete). */
  problems: string[];
}

/**
 * A capability that brings things of a session outside its workspace (the scan folder) lists them in the workspace
 * as they come; after a crash, `sweep` reads that list and deletes them before the workspace goes. Synchronous, like
 * the sweep; it never throws for a bad list (it says so in `problems`).
 */
export interface OutsideLeftovers {
  /** The capability, as in the wipe's figures: 'scan' counts as 'scan.files' and 'scan.bytes'. */
  name: string;
  sweep(workspaceDir: string): OutsideSwept;
}

export interface OutsideSwept {
  files: number;
  bytes: number;
  problems: string[];
  /**
   * A list that must outlive this sweep (the place it describes is out of reach now: a share not mounted yet): the
   * workspace is emptied but for it, and the next sweep (next start, next accompaniment) tries again.
   */
  keep?: string;
}

const OUTSIDE_UNCHECKED =
  "Ce que l'accompagnement précédent avait laissé hors du poste (par exemple dans le dossier de numérisation) n'a pas pu être vérifié. Ouvrez le dossier de numérisation et supprimez les fichiers de l'usager précédent. Si le message revient, prévenez le référent numérique.";

/**
 * Deletes every session folder left in sessions/ (after a crash, a power loss or a wipe that could not finish).
 * Their files are ciphertext whose key died with the process: nobody can read them; this removes the bytes too.
 * Before each folder goes, the capabilities that list in it what they brought elsewhere (`outside`) delete that.
 */
export function sweepLeftoverSessions(dataDir: string, outside: readonly OutsideLeftovers[] = []): LeftoverSweep {
  const root = sessionsDir(dataDir);
  const sweep: LeftoverSweep = { folders: 0, files: 0, bytes: 0, failed: [], outside: {}, problems: [] };
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return sweep;
  }
  for (const name of names) {
    const path = join(root, name);
    sweep.folders++;
    // First what the session left elsewhere, from its lists (they go with the workspace just below).
    const keep = new Set<string>();
    for (const part of outside) {
      const kept = sweepOutside(part, path, sweep);
      if (kept) keep.add(kept);
    }
    const found = measure(path, keep);
    sweep.files += found.files;
    sweep.bytes += found.bytes;
    if (!(keep.size > 0 ? removeAllBut(path, keep) : remove(path))) sweep.failed.push(name);
  }
  return sweep;
}

function remove(path: string): boolean {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
    return true;
  } catch {
    try {
      // A folder left read-only is made writable again before a second try.
      chmodSync(path, 0o700);
      rmSync(path, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  }
}

/** The workspace emptied but for the lists a capability still needs. */
function removeAllBut(dir: string, keep: ReadonlySet<string>): boolean {
  try {
    return readdirSync(dir)
      .filter((name) => !keep.has(name))
      .map((name) => remove(join(dir, name)))
      .every(Boolean);
  } catch {
    return remove(dir);
  }
}

/**
 * The sweep, journaled and logged when it found something (figures only). Neither the journal nor the log may stop
 * a start: a failure there is logged, never thrown.
 */
export function sweepAndRecord(
  dataDir: string,
  when: 'startup' | 'start',
  deps: { outside?: readonly OutsideLeftovers[]; journal: Pick<Journal, 'append'>; log?: Logger },
): LeftoverSweep {
  const result = sweepLeftoverSessions(dataDir, deps.outside);
  if (result.folders === 0) return result;
  try {
    deps.journal.append('wipe.startup_leftover', {
      when,
      folders: result.folders,
      files: result.files,
      outsideFiles: outsideTotals(result).files,
      failed: result.failed.length,
      problems: result.problems.length,
    });
  } catch {
    deps.log?.error('session.record_failed');
  }
  deps.log?.warn('session.leftover_swept', { when, folders: result.folders, failed: result.failed.length });
  return result;
}

/** One capability's part; returns the name of a list it keeps for the next sweep, if any. */
function sweepOutside(part: OutsideLeftovers, workspaceDir: string, sweep: LeftoverSweep): string | undefined {
  let found: OutsideSwept;
  try {
    found = part.sweep(workspaceDir);
  } catch {
    if (!sweep.problems.includes(OUTSIDE_UNCHECKED)) sweep.problems.push(OUTSIDE_UNCHECKED);
    return undefined;
  }
  for (const key of ['files', 'bytes'] as const) {
    const figure = `${part.name}.${key}`;
    sweep.outside[figure] = (sweep.outside[figure] ?? 0) + found[key];
  }
  for (const problem of found.problems) if (!sweep.problems.includes(problem)) sweep.problems.push(problem);
  return found.keep && /^[\w.-]{1,80}$/.test(found.keep) ? found.keep : undefined;
}

/** Files and bytes the capabilities deleted outside the workspaces. */
export function outsideTotals(sweep: LeftoverSweep): { files: number; bytes: number } {
  const sum = (key: string) =>
    Object.entries(sweep.outside)
      .filter(([figure]) => figure.endsWith(`.${key}`))
      .reduce((total, [, value]) => total + value, 0);
  return { files: sum('files'), bytes: sum('bytes') };
}

function measure(path: string, skip: ReadonlySet<string> = new Set()): { files: number; bytes: number } {
  try {
    const stat = lstatSync(path);
    if (!stat.isDirectory()) return { files: 1, bytes: stat.size };
    return readdirSync(path)
      .filter((name) => !skip.has(name))
      .reduce(
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
  const problems = [
    ...(sweep.failed.length > 0 ? [fileNotRemoved(sweep.failed.map((name) => `${SESSIONS_FOLDER}/${name}`))] : []),
    ...sweep.problems,
  ];
  const ok = problems.length === 0;
  const elsewhere = outsideTotals(sweep);
  return {
    reason: 'startup',
    status: ok ? 'completed' : 'failed',
    finishedAt: at.toISOString(),
    durationMs: Math.max(0, Math.round(durationMs)),
    removed: {
      // Every file of the session: its workspace's, and what it had brought into the scan folder.
      files: sweep.files + elsewhere.files,
      bytes: sweep.bytes + elsewhere.bytes,
      workspaceFiles: sweep.files,
      workspaceBytes: sweep.bytes,
      participants: [],
      figures: { folders: sweep.folders, ...sweep.outside },
      clipboardCleared: false,
      walCheckpointed: false,
      renderer: 'process',
    },
    steps: [{ name: 'startup-sweep', ok, attempts: 1, ms: Math.max(0, Math.round(durationMs)) }],
    verification: { ok, leftovers: sweep.failed.length + sweep.problems.length, checkedEntries: sweep.folders },
    problems,
  };
}
