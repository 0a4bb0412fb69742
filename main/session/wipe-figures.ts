import type { WipeReport } from '../../preload/contract/session';
import type { JournalDetails } from '../journal/codes';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';

/** The figures of a wipe report that go to the journal: counts, milliseconds, short codes. Never a path. */
export function wipeJournalFigures(report: WipeReport): JournalDetails {
  return {
    reason: report.reason,
    ms: Math.round(report.durationMs),
    files: report.removed.files,
    bytes: report.removed.bytes,
    participants: report.removed.participants.length,
    clipboard: report.removed.clipboardCleared,
    checkpoint: report.removed.walCheckpointed,
    renderer: report.removed.renderer,
    attempts: report.steps.reduce((sum, step) => sum + step.attempts, 0),
    failedSteps: report.steps.filter((step) => !step.ok).length,
    leftovers: report.verification.leftovers,
    verified: report.verification.ok,
  };
}

/**
 * The end of a session in the journal (its length, then the wipe's figures) and in the log. Neither may stop a
 * wipe: a failure there is logged, never thrown.
 */
export function recordWipe(
  report: WipeReport,
  end: { reason: WipeReport['reason']; minutes: number; actor: string },
  deps: { journal: Pick<Journal, 'append'>; log?: Logger },
): void {
  const { reason, minutes, actor } = end;
  const code = report.status === 'completed' ? 'wipe.completed' : 'wipe.failed';
  try {
    deps.journal.append('session.closed', { reason, minutes }, actor);
  } catch {
    deps.log?.error('session.record_failed');
  }
  try {
    deps.journal.append(code, wipeJournalFigures(report), actor);
  } catch {
    deps.log?.error('session.record_failed');
  }
  deps.log?.[report.status === 'completed' ? 'info' : 'error']('session.wiped', {
    reason,
    ms: report.durationMs,
    leftovers: report.verification.leftovers,
  });
}
