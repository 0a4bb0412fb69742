import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EventName } from '../../../preload/api';
import { api, type CounterError, type Result } from '../api';
import {
  actionMessage,
  initialQuery,
  LatestOnly,
  settleQuery,
  thrownError,
  type ActionMessage,
  type QueryState,
} from './request-state';

export { refusal } from './request-state';

/**
 * The renderer's data layer over the contract: one hook to read (useQuery), one to act (useAction). Screens stop
 * writing their own fetch effects, `live` flags and busy/error states.
 */

export interface Query<T> extends QueryState<T> {
  /** Reads again (after an action that changed what the query shows). Resolves once the reply is applied. */
  reload(): Promise<void>;
  /** Replaces the value shown, e.g. with the entry an action just returned (or a change of the current one). */
  setData(value: T | ((current: T | undefined) => T | undefined)): void;
}

export interface QueryOptions {
  /** Main's events after which the query reads again (e.g. 'scan.changed'). */
  refreshOn?: readonly EventName[];
  /** False: do not read (yet), e.g. until an id is known. */
  enabled?: boolean;
  /** Milliseconds between reads again, for what main announces by no event (the référent area closing by itself). */
  refreshEvery?: number;
}

const CONNECTION_LOST = 'Le poste ne répond pas. Réessayez dans un instant.';

/**
 * Reads `load()` on mount and whenever `key` changes (a string naming what is read: an id, a search), and again
 * after each `refreshOn` event and every `refreshEvery` ms. Only the latest reply is applied; nothing is applied after unmount.
 */
export function useQuery<T>(key: string, load: () => Promise<Result<T>>, options: QueryOptions = {}): Query<T> {
  const [state, setState] = useState<QueryState<T> & { key: string | null }>(() => ({
    ...initialQuery<T>(),
    key: null,
  }));
  const loadRef = useRef(load);
  // The latest closure, without re-reading on every render (the key says when to read again).
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const latest = useRef(new LatestOnly());
  const keyRef = useRef(key);
  const enabled = options.enabled ?? true;
  const events = (options.refreshOn ?? []).join(',');
  const every = options.refreshEvery ?? 0;

  const reading = useRef(0);
  const reload = useCallback(async () => {
    // The guard of the key this read is for: after a key change the new key's guard counts afresh, so asking the
    // current guard would take an older key's ticket 1 for the new key's ticket 1 (its reply shown for the new key).
    const guard = latest.current;
    const ticket = guard.next();
    reading.current += 1;
    let result: Result<T>;
    try {
      result = await loadRef.current();
    } catch (caught) {
      result = { ok: false, error: thrownError(caught, CONNECTION_LOST) };
    } finally {
      reading.current -= 1;
    }
    if (guard.isLatest(ticket)) setState((previous) => ({ ...settleQuery(previous, result), key: keyRef.current }));
  }, []);

  useEffect(() => {
    const guard = new LatestOnly();
    latest.current = guard;
    keyRef.current = key;
    if (!enabled) return () => guard.close();
    void reload();
    const offs = events ? events.split(',').map((name) => api().events.on(name as EventName, () => void reload())) : [];
    const timer = every > 0 ? setInterval(() => void reload(), every) : undefined;
    return () => {
      guard.close();
      for (const off of offs) off();
      clearInterval(timer);
    };
  }, [key, enabled, events, every, reload]);

  const setData = useCallback(
    (value: T | ((current: T | undefined) => T | undefined)) => {
      setState((previous) => ({
        data: typeof value === 'function' ? (value as (current: T | undefined) => T | undefined)(previous.data) : value,
        error: null,
        loading: false,
        key: keyRef.current,
      }));
      // A read still on its way may carry what main had before the action (a 'scan.changed' read, then an outcome
      // saved): its reply must not undo the action's value. Reading again takes a newer ticket, so it is dropped.
      if (reading.current > 0) void reload();
    },
    [reload],
  );
  // Loading until a reply for the current key arrived (the previous key's data stays shown meanwhile).
  return { data: state.data, error: state.error, loading: enabled && state.key !== key, reload, setData };
}

export interface Action<A extends unknown[], T> {
  /** Runs the call; resolves with the reply's value, or undefined when it failed (the error is in `error`). */
  run(...args: A): Promise<T | undefined>;
  busy: boolean;
  error: CounterError | null;
  /** What to show next to the button (success text or error), cleared by the next run or by clear(). */
  message: ActionMessage | null;
  clear(): void;
}

export interface ActionOptions<T> {
  /** Text shown after success (or a function of the value; null shows nothing). */
  success?: string | ((value: T) => string | null);
  /** Called with the value after success (e.g. to update a query, to navigate). */
  onSuccess?(value: T): void | Promise<void>;
  /** Called with the error (e.g. to move the focus to it, to go to a sign-in screen). */
  onError?(error: CounterError): void;
  /**
   * 'ignore' (default): a run while one runs is ignored (a double click). 'latest': every run goes through (each is
   * a change the person made: a pièce ticked, then another) and only the latest one's reply is applied, so an older
   * reply never undoes a newer change on screen.
   */
  overlap?: 'ignore' | 'latest';
}

/**
 * One action of a screen: the busy flag (a second click while it runs is ignored), the error from main, the
 * message to show next to the button. A new run clears the previous message, so no stale success stays.
 */
export function useAction<A extends unknown[], T>(
  perform: (...args: A) => Promise<Result<T>>,
  options: ActionOptions<T> = {},
): Action<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const running = useRef(false);
  const runs = useRef(new LatestOnly());
  const mounted = useRef(true);
  const latest = useRef({ perform, options });
  useLayoutEffect(() => {
    latest.current = { perform, options };
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    const { perform: call, options: opts } = latest.current;
    if (running.current && opts.overlap !== 'latest') return undefined;
    running.current = true;
    const ticket = runs.current.next();
    setBusy(true);
    setError(null);
    setMessage(null);
    let result: Result<T>;
    try {
      result = await call(...args);
    } catch (caught) {
      result = { ok: false, error: thrownError(caught, CONNECTION_LOST) };
    }
    // A newer run is on its way: its reply (which main computed after this one) is the one to show.
    if (!runs.current.isLatest(ticket)) return undefined;
    running.current = false;
    if (mounted.current) {
      setBusy(false);
      setError(result.ok ? null : result.error);
      setMessage(actionMessage(result, opts.success));
    }
    if (!result.ok) {
      opts.onError?.(result.error);
      return undefined;
    }
    await opts.onSuccess?.(result.value);
    return result.value;
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setMessage(null);
  }, []);

  return { run, busy, error, message, clear };
}
