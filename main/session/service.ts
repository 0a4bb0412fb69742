import { rm } from 'node:fs/promises';
import { CounterFault } from '../errors';
import type { Journal } from '../journal/journal';
import { ActiveSession, sessionsDir, type SessionMediator } from './session';

export type EndReason = 'ended' | 'signed_out' | 'idle' | 'quit';

/**
 * A capability's part in ending a session. `persist` runs first (write anonymous facts, e.g. the session log);
 * `clear` then drops the capability's in-memory state for that session. Both are awaited, in registration order.
 */
export interface SessionParticipant {
  name: string;
  persist?(session: ActiveSession, reason: EndReason): void | Promise<void>;
  clear?(session: ActiveSession, reason: EndReason): void | Promise<void>;
}

export const NO_SESSION = new CounterFault(
  'no_session',
  "Aucun accompagnement n'est en cours. Commencez un accompagnement pour continuer.",
);

/** The accompaniment lifecycle: at most one session at a time on a counter. */
export class SessionService {
  private active: ActiveSession | null = null;
  private readonly participants: SessionParticipant[] = [];

  constructor(private readonly deps: { dataDir: string; journal: Journal; now?: () => Date }) {}

  join(participant: SessionParticipant): void {
    this.participants.push(participant);
  }

  current(): ActiveSession | null {
    return this.active;
  }

  /** The running session, or the French "no session" fault. */
  require(): ActiveSession {
    if (!this.active) throw NO_SESSION;
    return this.active;
  }

  start(mediator: SessionMediator): ActiveSession {
    if (this.active) {
      throw new CounterFault(
        'session_running',
        "Un accompagnement est déjà en cours. Terminez-le avant d'en commencer un autre.",
      );
    }
    this.active = new ActiveSession(mediator, this.now(), sessionsDir(this.deps.dataDir));
    this.deps.journal.append('session.opened', {}, mediator.pseudonym);
    return this.active;
  }

  /** Ends the running session: participants persist then clear, then the workspace and its key are gone. */
  async end(reason: EndReason): Promise<void> {
    const session = this.active;
    if (!session) return;
    for (const participant of this.participants) await participant.persist?.(session, reason);
    for (const participant of this.participants) await participant.clear?.(session, reason);
    session.workspace.forgetKey();
    await rm(session.workspace.dir, { recursive: true, force: true });
    this.active = null;
    this.deps.journal.append(
      'session.closed',
      { reason, minutes: Math.round((this.now().getTime() - session.startedAt.getTime()) / 60000) },
      session.mediator.pseudonym,
    );
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
