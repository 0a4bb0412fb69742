import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionState, WipeReport } from '../../../../preload/api';
import { api, call } from '../../api';
import { useActivityReport } from './useActivityReport';

export interface SessionValue {
  /** null until the first answer of session.current. */
  state: SessionState | null;
  refresh(): Promise<void>;
  /** The idle warning: seconds left when it started (with the time it started), or null. */
  idleWarning: { secondsLeft: number; since: number } | null;
  dismissWarning(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The running accompaniment as main sees it, kept up to date by the session events. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState | null>(null);
  const [idleWarning, setIdleWarning] = useState<SessionValue['idleWarning']>(null);

  const apply = useCallback((next: SessionState) => {
    setState(next);
    setIdleWarning(next.idleWarning ? { secondsLeft: next.idleWarning.secondsLeft, since: Date.now() } : null);
  }, []);

  const refresh = useCallback(async () => apply(await call(api().session.current())), [apply]);

  useEffect(() => {
    void api()
      .session.current()
      .then((result) => {
        if (result.ok) apply(result.value);
      });
    const offWarning = api().events.on('session.idleWarning', ({ secondsLeft, dismissed }) =>
      setIdleWarning(dismissed ? null : { secondsLeft, since: Date.now() }),
    );
    const offEnded = api().events.on('session.ended', ({ report, reload }) => {
      if (reload) {
        replaceThisPage();
        return;
      }
      setIdleWarning(null);
      setState((previous) => ({
        session: null,
        mediator: previous?.mediator ?? null,
        lastWipe: report,
        idleWarning: null,
      }));
    });
    return () => {
      offWarning();
      offEnded();
    };
  }, [apply]);

  useActivityReport(Boolean(state?.session) && !idleWarning);

  const value = useMemo<SessionValue>(
    () => ({ state, refresh, idleWarning, dismissWarning: () => setIdleWarning(null) }),
    [state, refresh, idleWarning],
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
