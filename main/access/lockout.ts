/**
 * Lockout after wrong PINs, as pure functions of the stored state and the time: 5 wrong tries lock the account for
 * 1 minute; each further lock doubles the wait (2, 4, 8 … minutes, at most 1 hour). A right PIN clears the
 * wrong tries and takes one lock off the count (it decays, one right PIN at a time): someone who guesses between
 * the owner's sign-ins keeps meeting long waits, and the owner's account comes back to short ones.
 */
export const TRIES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export interface LockState {
  failedTries: number;
  lockouts: number;
  lockedUntil: string | null;
}

export const UNLOCKED: LockState = { failedTries: 0, lockouts: 0, lockedUntil: null };

/** Milliseconds left before the next try is allowed (0 when not locked). */
export function remainingLockMs(state: LockState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Date.parse(state.lockedUntil) - now.getTime());
}

export function lockDurationMs(lockouts: number): number {
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.max(0, lockouts - 1));
}

/** The state after a wrong PIN; `locked` is true when this try started a new lock. */
export function afterWrongPin(state: LockState, now: Date): { state: LockState; locked: boolean; triesLeft: number } {
  const failedTries = state.failedTries + 1;
  if (failedTries < TRIES_BEFORE_LOCK) {
    return { state: { ...state, failedTries }, locked: false, triesLeft: TRIES_BEFORE_LOCK - failedTries };
  }
  const lockouts = state.lockouts + 1;
  const lockedUntil = new Date(now.getTime() + lockDurationMs(lockouts)).toISOString();
  return { state: { failedTries: 0, lockouts, lockedUntil }, locked: true, triesLeft: 0 };
}

/** The state after a right PIN: no wrong try left, one lock fewer. */
export function afterRightPin(state: LockState): LockState {
  return { failedTries: 0, lockouts: Math.max(0, state.lockouts - 1), lockedUntil: null };
}

/** "1 min 30 s", "45 s", "2 h" — how long the person has to wait, rounded up to the second. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (rest && !hours) parts.push(`${rest} s`);
  return parts.join(' ');
}
