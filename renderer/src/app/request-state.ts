import type { CounterError, Result } from '../../../preload/api';

/**
 * The pure part of the renderer's data layer (useQuery / useAction): how a reply becomes a screen's state. Kept
 * apart from React so vitest checks it under Node.
 */

export interface QueryState<T> {
  /** The last value read, kept while a reload runs so the screen does not flicker. */
  data: T | undefined;
  error: CounterError | null;
  loading: boolean;
}

export const initialQuery = <T>(): QueryState<T> => ({ data: undefined, error: null, loading: true });

/** A reply received: the value replaces the old one; an error keeps the old value (shown stale, with the error). */
export function settleQuery<T>(state: QueryState<T>, result: Result<T>): QueryState<T> {
  return result.ok
    ? { data: result.value, error: null, loading: false }
    : { data: state.data, error: result.error, loading: false };
}

/** A call that threw instead of replying (the connection dropped): a counter error the screen can show. */
export function thrownError(caught: unknown, fallback: string): CounterError {
  if (isCounterError(caught)) return caught;
  if (caught && typeof caught === 'object' && 'error' in caught && isCounterError(caught.error)) return caught.error;
  return { code: 'call_failed', message: fallback };
}

function isCounterError(value: unknown): value is CounterError {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as CounterError).code === 'string' &&
    typeof (value as CounterError).message === 'string' &&
    (value as CounterError).message.length > 0
  );
}

/**
 * Numbers the requests of one query so only the latest one's reply is applied: a slow first answer never
 * overwrites a newer one (e.g. typing in a search box).
 */
export class LatestOnly {
  private counter = 0;
  next(): number {
    return ++this.counter;
  }
  isLatest(ticket: number): boolean {
    return ticket === this.counter;
  }
  /** After unmount nothing is applied any more. */
  close(): void {
    this.counter = Number.NaN;
  }
}

/** The message an action shows next to its button: success text, or the French error from main. */
export interface ActionMessage {
  ok: boolean;
  text: string;
}

export function actionMessage<T>(
  result: Result<T>,
  success: string | ((value: T) => string | null) | undefined,
): ActionMessage | null {
  if (!result.ok) return { ok: false, text: result.error.message };
  const text = typeof success === 'function' ? success(result.value) : success;
  return text ? { ok: true, text } : null;
}

/**
 * A check the screen makes before calling main (an empty field): the same error value as main's, so an action
 * shows it where it shows main's refusals and one busy/error state serves both.
 */
export function refusal(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}
