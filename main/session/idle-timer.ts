import type { Clock, TimerHandle } from './clock';

/** The shortest idle timeout that leaves real work time (the configuration refuses less, preload/contract). */
export const MIN_IDLE_MINUTES = 3;

/**
 * The idle timeout as it runs: at least 3 minutes, and a warning of at most a third of it, so that after
 * "L'usager est toujours là" two thirds of the delay pass before the warning comes back (with 1 minute and a
 * 60-second warning it used to show at once and again right after each answer). Also guards a configuration
 * written before these bounds.
 */
export function effectiveIdle(settings: { idleMinutes: number; idleWarningSeconds: number }): {
  idleMinutes: number;
  idleWarningSeconds: number;
} {
  const idleMinutes = Math.max(MIN_IDLE_MINUTES, Math.round(settings.idleMinutes) || MIN_IDLE_MINUTES);
  const idleWarningSeconds = Math.max(
    1,
    Math.min(Math.round(settings.idleWarningSeconds) || 60, (idleMinutes * 60) / 3),
  );
  return { idleMinutes, idleWarningSeconds };
}

export interface IdleTimerOptions {
  clock: Clock;
  idleMs: number;
  warningMs: number;
  /** The on-screen warning starts: the session ends in `secondsLeft` unless someone is still there. */
  onWarning(secondsLeft: number): void;
  /** Activity came back during the warning: the warning is withdrawn. */
  onWarningDismissed(): void;
  /** Nobody answered the warning: the session must end. */
  onExpired(): void;
}

/**
 * The idle timeout of one session: after `idleMs - warningMs` without activity a warning, then `warningMs` later
 * the end. Activity (`touch`) and the explicit "L'usager est toujours là" (`extend`) restart the count.
 */
export class IdleTimer {
  private timer: TimerHandle | null = null;
  private warningSince: number | null = null;
  private stopped = false;

  constructor(private readonly options: IdleTimerOptions) {
    this.arm();
  }

  get warning(): boolean {
    return this.warningSince !== null;
  }

  /** Seconds left before the end while the warning shows, else null. */
  secondsLeft(): number | null {
    if (this.warningSince === null) return null;
    const left = this.options.warningMs - (this.options.clock.now() - this.warningSince);
    return Math.max(0, Math.ceil(left / 1000));
  }

  touch(): void {
    if (this.stopped) return;
    const wasWarning = this.warning;
    this.arm();
    if (wasWarning) this.options.onWarningDismissed();
  }

  extend(): void {
    this.touch();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    this.warningSince = null;
  }

  private arm(): void {
    this.clear();
    this.warningSince = null;
    const { clock, idleMs, warningMs } = this.options;
    const quietMs = Math.max(0, idleMs - warningMs);
    this.timer = clock.setTimer(() => this.warn(), quietMs);
  }

  private warn(): void {
    const { clock, warningMs } = this.options;
    this.warningSince = clock.now();
    this.timer = clock.setTimer(() => this.expire(), warningMs);
    this.options.onWarning(Math.ceil(warningMs / 1000));
  }

  private expire(): void {
    this.timer = null;
    this.warningSince = null;
    this.stopped = true;
    this.options.onExpired();
  }

  private clear(): void {
    if (this.timer) this.options.clock.clearTimer(this.timer);
    this.timer = null;
  }
}
