import type { EndReason } from '../../preload/contract/session';
import type { ActiveSession } from './session';

/** Counts a participant reports of what it removed (e.g. { downloads: 2 }). Figures only. */
export type WipeFigures = Record<string, number>;

/**
 * A capability's part in ending a session. `halt` runs first and stops what still works for the session (a scan
 * job running on a network scanner is cancelled on the device); `persist` runs next (write anonymous facts, e.g. the session log);
 * `clear` then drops the capability's state of that session (in memory, views, partitions, files) and may report
 * counts; `record` runs once the workspace folder is deleted and writes what persist prepared (the anonymous log:
 * on a full disk the usager's files have just freed the space it needs); `verify` lists anything of the session it still holds. All awaited, in registration order; a step
 * that throws is retried, then reported to the mediator.
 */
export interface SessionParticipant {
  name: string;
  /** What the mediator reads if this part fails, e.g. "les pièces importées". */
  label?: string;
  halt?(session: ActiveSession, reason: EndReason): void | Promise<void>;
  persist?(session: ActiveSession, reason: EndReason): void | Promise<void>;
  clear?(session: ActiveSession, reason: EndReason): void | WipeFigures | Promise<void | WipeFigures>;
  /** Throws a CounterFault whose message the mediator reads when what it must write cannot be written now. */
  record?(session: ActiveSession, reason: EndReason): void | Promise<void>;
  verify?(session: ActiveSession): string[] | Promise<string[]>;
}
