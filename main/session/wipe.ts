import type { Database } from 'better-sqlite3';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EndReason, WipeReport, WipeStep } from '../../preload/contract/session';
import { checkpointTruncate } from '../db/open';
import { CounterFault } from '../errors';
import type { Platform } from '../platform';
import { clipboardHoldsSessionText } from './clipboard-guard';
import type { SessionParticipant, WipeFigures } from './participant';
import { withRetries, type RetryOutcome, type Sleep } from './retry';
import type { ActiveSession } from './session';
import { scanForLeftovers } from './verify';
import {
  CHECKPOINT_FAILED,
  CLIPBOARD_FAILED,
  RENDERER_FAILED,
  clearFailed,
  fileNotRemoved,
  participantLabel,
  persistFailed,
  stillHeld,
} from './wipe-messages';

export interface WipeContext {
  session: ActiveSession;
  reason: EndReason;
  dataDir: string;
  participants: readonly SessionParticipant[];
  db?: Database;
  platform?: Platform;
  /** Fingerprint of the clipboard when the session started (null: it was empty or unreadable). */
  clipboardAtStart: string | null | Promise<string | null>;
  /** Called once every participant has persisted: from then on the session is no longer "running". */
  onPersisted?(): void;
  backoffMs?: readonly number[];
  sleep?: Sleep;
  now?: () => Date;
}

/**
 * The wipe, step by step (../shared/DESIGN.md), everything awaited: participants persist, then clear (site view
 * and partition, downloads, scans, …); the workspace's key is forgotten and its folder deleted; station.db's WAL
 * is folded back and truncated; the clipboard is emptied if it holds session text; the renderer is replaced; a
 * verification pass scans the data dir. Each step is retried; nothing throws: the report says what failed.
 */
export async function wipeSession(context: WipeContext): Promise<WipeReport> {
  const started = performance.now();
  const steps: WipeStep[] = [];
  const problems: string[] = [];
  const figures: WipeFigures = {};
  const cleared: string[] = [];
  const { session, reason } = context;

  const step = async <T>(name: string, action: () => T | Promise<T>): Promise<RetryOutcome<T>> => {
    const at = performance.now();
    const outcome = await withRetries(action, context.backoffMs, context.sleep);
    steps.push({ name, ok: outcome.ok, attempts: outcome.attempts, ms: round(performance.now() - at) });
    return outcome;
  };

  for (const participant of context.participants) {
    if (!participant.halt) continue;
    const outcome = await step(`halt:${participant.name}`, () => participant.halt!(session, reason));
    if (!outcome.ok)
      problems.push(clearFailed(participantLabel(participant.name, participant.label), faultMessage(outcome.error)));
  }

  for (const participant of context.participants) {
    if (!participant.persist) continue;
    const outcome = await step(`persist:${participant.name}`, () => participant.persist!(session, reason));
    if (!outcome.ok) problems.push(persistFailed(participantLabel(participant.name, participant.label)));
  }
  context.onPersisted?.();

  // Counted before any part clears its own files: the report counts every file of the session, whoever removed it.
  const contents = await measure(session.workspace.dir);
  const failedClears = new Set<string>();
  for (const participant of context.participants) {
    if (!participant.clear) continue;
    const outcome = await step(`clear:${participant.name}`, () => participant.clear!(session, reason));
    if (outcome.ok) {
      cleared.push(participant.name);
      for (const [key, value] of Object.entries(outcome.value ?? {})) {
        if (typeof value === 'number') figures[`${participant.name}.${key}`] = value;
      }
    } else {
      failedClears.add(participant.name);
      problems.push(clearFailed(participantLabel(participant.name, participant.label), faultMessage(outcome.error)));
    }
  }
  // Files a part deleted outside the workspace (the scan folder) count with the workspace's.
  const elsewhere = (key: string) =>
    Object.entries(figures)
      .filter(([name]) => name.endsWith(`.${key}`))
      .reduce((sum, [, value]) => sum + value, 0);

  // The key goes first: whatever the disk refuses to delete is already unreadable.
  session.workspace.forgetKey();
  const workspace = await step('workspace', () => rm(session.workspace.dir, { recursive: true, force: true }));

  // What must be kept is written once the usager's files are gone: on a full disk they were the space it needs.
  for (const participant of context.participants) {
    if (!participant.record) continue;
    const outcome = await step(`record:${participant.name}`, () => participant.record!(session, reason));
    if (!outcome.ok) {
      problems.push(
        faultMessage(outcome.error) ?? persistFailed(participantLabel(participant.name, participant.label)),
      );
    }
  }

  let walCheckpointed = false;
  if (context.db) {
    const db = context.db;
    const outcome = await step('checkpoint', () => checkpointTruncate(db));
    walCheckpointed = outcome.ok;
    if (!outcome.ok) problems.push(CHECKPOINT_FAILED);
  }

  let clipboardCleared = false;
  const clipboard = context.platform?.clipboard;
  if (clipboard) {
    const outcome = await step('clipboard', async () => {
      if (!clipboardHoldsSessionText(await clipboard.readText(), await context.clipboardAtStart)) return false;
      await clipboard.clear();
      return true;
    });
    clipboardCleared = outcome.value === true;
    if (!outcome.ok) problems.push(CLIPBOARD_FAILED);
  }

  const replaceRenderer = context.platform?.replaceRenderer;
  // On quit the renderer process ends with the app: no new one is started.
  if (replaceRenderer && reason !== 'quit') {
    const outcome = await step('renderer', () => replaceRenderer());
    if (!outcome.ok) problems.push(RENDERER_FAILED);
  }

  const verification = await verify(context, step);
  if (verification.files.length > 0) problems.push(fileNotRemoved(verification.files));
  else if (!workspace.ok) problems.push(fileNotRemoved([`sessions/${session.id}`]));
  for (const held of verification.held) {
    // A part whose clear failed has already said so; a part that cleared but still holds something says it now.
    if (!failedClears.has(held.name)) problems.push(stillHeld(held.label, held.items.join(', ')));
  }
  const leftovers = verification.files.length + verification.held.reduce((sum, held) => sum + held.items.length, 0);

  const failed = steps.some((s) => !s.ok) || leftovers > 0;
  return {
    reason,
    status: failed ? 'failed' : 'completed',
    finishedAt: (context.now?.() ?? new Date()).toISOString(),
    durationMs: round(performance.now() - started),
    removed: {
      files: contents.files + elsewhere('files'),
      bytes: contents.bytes + elsewhere('bytes'),
      workspaceFiles: contents.files,
      workspaceBytes: contents.bytes,
      participants: cleared,
      figures,
      clipboardCleared,
      walCheckpointed,
      renderer: replaceRenderer ? 'process' : 'reload',
    },
    steps,
    verification: {
      ok: leftovers === 0,
      leftovers,
      checkedEntries: verification.checked,
    },
    // The contract bounds each message: a long detail from a participant is cut, never refused.
    problems: problems.map((problem) => (problem.length > 1000 ? `${problem.slice(0, 997)}…` : problem)),
  };
}

/**
 * Scans the data dir; whatever of the session is still there gets one more round of deletion (with retries)
 * and a second scan. Participants' own checks are added: the site partition still holding cookies, the scan
 * folder still holding a file the session brought.
 */
async function verify(
  context: WipeContext,
  step: <T>(name: string, action: () => T | Promise<T>) => Promise<RetryOutcome<T>>,
): Promise<{ files: string[]; held: Array<{ name: string; label: string; items: string[] }>; checked: number }> {
  const { dataDir, session } = context;
  let scan = await scanForLeftovers(dataDir, session.id);
  if (scan.leftovers.length > 0) {
    const leftovers = scan.leftovers;
    await step('leftovers', async () => {
      for (const rel of leftovers) await rm(join(dataDir, rel), { recursive: true, force: true });
      const again = await scanForLeftovers(dataDir, session.id);
      if (again.leftovers.length > 0) throw new Error('leftovers remain');
    });
    scan = await scanForLeftovers(dataDir, session.id);
  }
  const held: Array<{ name: string; label: string; items: string[] }> = [];
  for (const participant of context.participants) {
    if (!participant.verify) continue;
    const outcome = await step(`verify:${participant.name}`, () => participant.verify!(session));
    const items = outcome.value ?? [];
    if (items.length > 0) {
      held.push({ name: participant.name, label: participantLabel(participant.name, participant.label), items });
    }
  }
  return { files: [...scan.leftovers], held, checked: scan.checked };
}

async function measure(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const walk = async (path: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(path);
    } catch {
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      try {
        const stat = await lstat(child);
        if (stat.isDirectory()) await walk(child);
        else {
          files++;
          bytes += stat.size;
        }
      } catch {
        // Vanished meanwhile: nothing to count.
      }
    }
  };
  await walk(dir);
  return { files, bytes };
}

function faultMessage(error: unknown): string | undefined {
  if (error instanceof CounterFault) return error.userMessage;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return 'un fichier est bloqué par un autre programme';
  return undefined;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
