import type { WipeReport } from '../../preload/contract/session';
import type { JournalDetails } from '../journal/codes';

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
