import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { EndReason, SessionInfo, WipeReport } from '../../preload/contract/session';
import { asDiskFault, CounterFault } from '../errors';
import type { EventBus } from '../events';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { Platform } from '../platform';
import { clipboardFingerprint } from './clipboard-guard';
import { systemClock, type Clock } from './clock';
import { effectiveIdle, IdleTimer } from './idle-timer';
import { startupSweepReport, sweepAndRecord, type LeftoverSweep, type OutsideLeftovers } from './leftovers';
import type { SessionParticipant } from './participant';
import type { Sleep } from './retry';
import { ActiveSession, sessionsDir, type SessionMediator } from './session';
import { wipeSession } from './wipe';
import { recordWipe } from './wipe-figures';

export type { EndReason } from '../../preload/contract/session';
export type { SessionParticipant, WipeFigures } from './participant';

export const NO_SESSION = new CounterFault(
  'no_session',
  "Aucun accompagnement n'est en cours. Commencez un accompagnement pour continuer.",
);

export interface IdleSettings {
  idleMinutes: number;
  idleWarningSeconds: number;
}

export interface SessionServiceDeps {
  dataDir: string;
  journal: Journal;
  db?: Database;
  bus?: EventBus;
  platform?: Platform;
  log?: Logger;
  /** The 'session' section of the station configuration, read at each start. */
  idleSettings?: () => IdleSettings;
  clock?: Clock;
  /** Kept for callers of the first version: the clock's time as a Date. */
  now?: () => Date;
  /** Pauses between retries of a failing wipe step (tests pass an instant one). */
  sleep?: Sleep;
  backoffMs?: readonly number[];
  /** What the sweep of a crashed session deletes outside its workspace (main/scan: the usager's scans). */
  outsideLeftovers?: readonly OutsideLeftovers[];
}

const DEFAULT_IDLE: IdleSettings = { idleMinutes: 10, idleWarningSeconds: 60 };
/** How long the home screen may still show the last wipe report. */
const LAST_WIPE_SHOWN_MS = 5 * 60_000;

/**
 * The accompaniment lifecycle: at most one session at a time on a counter, its idle timeout, and the wipe that
 * ends it — on "Terminer l'accompagnement", sign-out, idle timeout and quit — plus the start-up sweep of what a
 * crash left behind.
 */
export class SessionService {
  private active: ActiveSession | null = null;
  private readonly participants: SessionParticipant[] = [];
  private idle: IdleTimer | null = null;
  private readonly startListeners: Array<() => void> = [];
  private ending: Promise<WipeReport | null> | null = null;
  /** The last wipe's report; `sticky` (the start-up sweep) keeps it on the home screen until the next session. */
  private lastWipe: { report: WipeReport; at: number; sticky?: boolean } | null = null;
  private clipboardAtStart: Promise<string | null> = Promise.resolve(null);
  private readonly clock: Clock;

  constructor(private readonly deps: SessionServiceDeps) {
    this.clock = deps.clock ?? (deps.now ? { ...systemClock, now: () => deps.now!().getTime() } : systemClock);
  }

  join(participant: SessionParticipant): void {
    this.participants.push(participant);
  }

  /** Calls `listener` each time an accompaniment starts (main/access closes the référent area then). */
  onStart(listener: () => void): void {
    this.startListeners.push(listener);
  }

  current(): ActiveSession | null {
    return this.active;
  }

  /** The running session, or the French "no session" fault. */
  require(): ActiveSession {
    if (!this.active) throw NO_SESSION;
    return this.active;
  }

  /** True while a wipe runs: the previous session is closing, no new one may start. */
  get wiping(): boolean {
    return this.ending !== null;
  }

  start(mediator: SessionMediator): ActiveSession {
    if (this.ending) {
      throw new CounterFault(
        'session_wiping',
        "L'effacement de l'accompagnement précédent se termine. Attendez quelques secondes puis recommencez.",
      );
    }
    if (this.active) {
      throw new CounterFault(
        'session_running',
        "Un accompagnement est déjà en cours. Terminez-le avant d'en commencer un autre.",
      );
    }
    // Whatever an earlier wipe could not remove gets another chance before the next usager sits down.
    this.sweep('start');
    const settings = this.idleSettings();
    const session = this.openSession(mediator);
    this.active = session;
    this.lastWipe = null;
    this.clipboardAtStart = this.readClipboardFingerprint();
    this.idle = new IdleTimer({
      clock: this.clock,
      idleMs: settings.idleMinutes * 60_000,
      warningMs: settings.idleWarningSeconds * 1000,
      onWarning: (secondsLeft) => this.deps.bus?.emit('session.idleWarning', { secondsLeft, dismissed: false }),
      onWarningDismissed: () => this.deps.bus?.emit('session.idleWarning', { secondsLeft: 0, dismissed: true }),
      onExpired: () => void this.expire(session).catch(() => this.deps.log?.error('session.idle_end_failed')),
    });
    for (const listener of this.startListeners) listener();
    return session;
  }

  /**
   * The new session's folder and its journal line, both or neither: on a full or read-only disk the start is
   * refused with the disk named, and no folder, no session and no line are left behind.
   */
  private openSession(mediator: SessionMediator): ActiveSession {
    let session: ActiveSession | null = null;
    try {
      session = new ActiveSession(mediator, new Date(this.clock.now()), sessionsDir(this.deps.dataDir));
      this.deps.journal.append('session.opened', {}, mediator.pseudonym);
      return session;
    } catch (error) {
      if (session) {
        session.workspace.forgetKey();
        rmSync(session.workspace.dir, { recursive: true, force: true });
      }
      throw asDiskFault(error);
    }
  }

  /** Activity at the counter (renderer input, input inside the embedded official site): the idle count restarts. */
  touch(): void {
    this.idle?.touch();
  }

  /** "L'usager est toujours là": withdraws the idle warning and restarts the count. */
  extend(): void {
    this.idle?.extend();
  }

  /** Seconds left while the idle warning shows, else null. */
  idleSecondsLeft(): number | null {
    return this.idle?.secondsLeft() ?? null;
  }

  info(session: ActiveSession = this.require()): SessionInfo {
    const settings = this.idleSettings();
    return {
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      mediator: session.mediator.pseudonym,
      idleMinutes: settings.idleMinutes,
      idleWarningSeconds: settings.idleWarningSeconds,
    };
  }

  /** The last wipe's report while it is recent enough to show on the home screen. */
  recentWipe(): WipeReport | null {
    if (!this.lastWipe) return null;
    const { at, sticky, report } = this.lastWipe;
    if (!sticky && this.clock.now() - at > LAST_WIPE_SHOWN_MS && report.status === 'completed') {
      return null;
    }
    return this.lastWipe.report;
  }

  /** Waits for a wipe in progress (if any), so a fresh renderer reads the final state. */
  async settled(): Promise<void> {
    await this.ending;
  }

  /**
   * Ends the running session and wipes it. Returns the wipe report, or null when no session was running. Two
   * triggers at once (idle timeout and sign-out) share the same wipe.
   */
  end(reason: EndReason): Promise<WipeReport | null> {
    if (this.ending) return this.ending;
    const session = this.active;
    if (!session) return Promise.resolve(null);
    this.ending = this.wipe(session, reason).finally(() => {
      this.ending = null;
    });
    return this.ending;
  }

  /**
   * Start-up: deletes every session folder a crash, a power loss or a quit that could not finish its wipe left
   * behind, and journals it. Synchronous, before the first screen is served. When it removed something, its
   * report stays on the home screen until the next accompaniment ("effacé au démarrage").
   */
  sweepLeftovers(): LeftoverSweep {
    const started = this.clock.now();
    const result = this.sweep('startup');
    if (result.folders > 0) {
      const now = this.clock.now();
      this.lastWipe = { report: startupSweepReport(result, now - started, new Date(now)), at: now, sticky: true };
    }
    return result;
  }

  private async wipe(session: ActiveSession, reason: EndReason): Promise<WipeReport> {
    this.idle?.stop();
    this.idle = null;
    let report: WipeReport;
    try {
      report = await wipeSession({
        session,
        reason,
        dataDir: this.deps.dataDir,
        participants: this.participants,
        db: this.deps.db,
        platform: this.deps.platform,
        clipboardAtStart: this.clipboardAtStart,
        onPersisted: () => {
          if (this.active === session) this.active = null;
        },
        sleep: this.deps.sleep,
        backoffMs: this.deps.backoffMs,
        now: () => new Date(this.clock.now()),
      });
    } finally {
      // Whatever happened, the session is over: no screen or capability may use it any more.
      if (this.active === session) this.active = null;
    }
    this.clipboardAtStart = Promise.resolve(null);
    this.lastWipe = { report, at: this.clock.now() };
    const minutes = Math.round((this.clock.now() - session.startedAt.getTime()) / 60000);
    recordWipe(report, { reason, minutes, actor: session.mediator.pseudonym }, this.deps);
    this.safely(() => this.deps.bus?.emit('session.ended', { report, reload: !this.deps.platform?.replaceRenderer }));
    return report;
  }

  private async expire(session: ActiveSession): Promise<void> {
    if (this.active !== session) return;
    this.safely(() =>
      this.deps.journal.append(
        'session.idle_timeout',
        { minutes: this.idleSettings().idleMinutes },
        session.mediator.pseudonym,
      ),
    );
    await this.end('idle');
  }

  private sweep(when: 'startup' | 'start'): LeftoverSweep {
    return sweepAndRecord(this.deps.dataDir, when, {
      outside: this.deps.outsideLeftovers,
      journal: this.deps.journal,
      log: this.deps.log,
    });
  }

  private idleSettings(): IdleSettings {
    try {
      return effectiveIdle(this.deps.idleSettings?.() ?? DEFAULT_IDLE);
    } catch {
      return DEFAULT_IDLE;
    }
  }

  private async readClipboardFingerprint(): Promise<string | null> {
    try {
      return clipboardFingerprint((await this.deps.platform?.clipboard?.readText()) ?? '');
    } catch {
      return null;
    }
  }

  /** Neither the journal nor an event must stop a wipe: a failure there is logged, never thrown. */
  private safely(write: () => void): void {
    try {
      write();
    } catch {
      this.deps.log?.error('session.record_failed');
    }
  }
}
