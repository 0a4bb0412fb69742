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

/** One attempt that never answers (a view that does not close, a disk that hangs) counts as failed after this. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Runs `action` until it succeeds, at most `backoffMs.length + 1` times, pausing between attempts. Never throws:
 * the outcome says whether it worked, after how many attempts, and the last error.
 */
export async function withRetries<T>(
  action: () => T | Promise<T>,
  backoffMs: readonly number[] = WIPE_BACKOFF_MS,
  sleep: Sleep = realSleep,
  attemptTimeoutMs = ATTEMPT_TIMEOUT_MS,
): Promise<RetryOutcome<T>> {
  let error: unknown;
  for (let attempt = 1; attempt <= backoffMs.length + 1; attempt++) {
    try {
      return { ok: true, value: await withTimeout(action, attemptTimeoutMs), attempts: attempt };
    } catch (caught) {
      error = caught;
      const pause = backoffMs[attempt - 1];
      if (pause !== undefined) await sleep(pause);
    }
  }
  return { ok: false, attempts: backoffMs.length + 1, error };
}

async function withTimeout<T>(action: () => T | Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('wipe step timed out')), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(action), late]);
  } finally {
    clearTimeout(timer);
  }
}
