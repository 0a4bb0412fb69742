/**
 * Time as the session service sees it: the current instant and one-shot timers. Injected so tests drive the idle
 * timeout with a fake clock instead of waiting ten minutes.
 */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export type TimerHandle = { readonly id: unknown };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const id = setTimeout(callback, ms);
    // A pending idle timer must never keep the process (web host, tests) alive on its own.
    id.unref?.();
    return { id };
  },
  clearTimer(handle) {
    clearTimeout(handle.id as ReturnType<typeof setTimeout>);
  },
};
