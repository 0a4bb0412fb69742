import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Result, SessionState, WipeReport } from '../../../../preload/api';
import { api, call } from '../../api';
import { useQuery } from '../../app/data';
import { useActivityReport } from './useActivityReport';

export interface SessionValue {
  /** null until the first answer of session.current. */
  state: SessionState | null;
  refresh(): Promise<void>;
  /** The idle warning: seconds left when it started (with the time it started), or null. */
  idleWarning: IdleWarning | null;
  dismissWarning(): void;
}

type IdleWarning = { secondsLeft: number; since: number };

/** What the provider shows: main's state and the idle warning counting down since it was read or announced. */
interface Shown {
  state: SessionState;
  idleWarning: IdleWarning | null;
}

const shownOf = (state: SessionState): Shown => ({
  state,
  idleWarning: state.idleWarning ? { secondsLeft: state.idleWarning.secondsLeft, since: Date.now() } : null,
});

const SessionContext = createContext<SessionValue | null>(null);

/** The running accompaniment as main sees it, kept up to date by the session events. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const shown = useQuery('session.current', async (): Promise<Result<Shown>> => {
    const result = await api().session.current();
    return result.ok ? { ok: true, value: shownOf(result.value) } : result;
  });
  const { setData } = shown;
  const state = shown.data?.state ?? null;
  const idleWarning = shown.data?.idleWarning ?? null;
  // An event before main's first answer has nothing to change yet: the answer (read again, as setData asks) has it.
  const setWarning = useCallback(
    (next: IdleWarning | null) => setData((current) => current && { ...current, idleWarning: next }),
    [setData],
  );

  const refresh = useCallback(async () => setData(shownOf(await call(api().session.current()))), [setData]);

  useEffect(() => {
    const offWarning = api().events.on('session.idleWarning', ({ secondsLeft, dismissed }) =>
      setWarning(dismissed ? null : { secondsLeft, since: Date.now() }),
    );
    const offEnded = api().events.on('session.ended', ({ report, reload }) => {
      if (reload) {
        replaceThisPage();
        return;
      }
      setData((current) => ({
        state: { session: null, mediator: current?.state.mediator ?? null, lastWipe: report, idleWarning: null },
        idleWarning: null,
      }));
    });
    return () => {
      offWarning();
      offEnded();
    };
  }, [setData, setWarning]);

  useActivityReport(Boolean(state?.session) && !idleWarning);

  const value = useMemo<SessionValue>(
    () => ({ state, refresh, idleWarning, dismissWarning: () => setWarning(null) }),
    [state, refresh, idleWarning, setWarning],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * The browser's way of discarding the renderer's memory (the desktop app starts a new renderer process from
 * main): the page is loaded again from scratch, on the home screen, so no React state of the usager survives.
 */
function replaceThisPage(): void {
  window.sessionStorage.clear();
  window.localStorage.clear();
  window.history.replaceState(null, '', '#/accueil');
  window.location.reload();
}

export type { WipeReport };
