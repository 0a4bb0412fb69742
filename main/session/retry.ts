export interface RetryOutcome<T> {
  ok: boolean;
  value?: T;
  attempts: number;
  error?: unknown;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The pauses between attempts of a wipe step: short, so a whole failing wipe still answers within a second. */
export const WIPE_BACKOFF_MS = [40, 120] as const;

/**
 * Runs `action` until it succeeds, at most `backoffMs.length + 1` times, pausing between attempts. Never throws:
 * the outcome says whether it worked, after how many attempts, and the last error.
 */
export async function withRetries<T>(
  action: () => T | Promise<T>,
  backoffMs: readonly number[] = WIPE_BACKOFF_MS,
  sleep: Sleep = realSleep,
): Promise<RetryOutcome<T>> {
  let error: unknown;
  for (let attempt = 1; attempt <= backoffMs.length + 1; attempt++) {
    try {
      return { ok: true, value: await action(), attempts: attempt };
    } catch (caught) {
      error = caught;
      const pause = backoffMs[attempt - 1];
      if (pause !== undefined) await sleep(pause);
    }
  }
  return { ok: false, attempts: backoffMs.length + 1, error };
}
