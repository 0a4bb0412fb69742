import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionContext';

/** Screens that only exist inside an accompaniment: without one, they lead back to the home screen. */
export const SESSION_PATHS = ['/demarches', '/pieces', '/recu', '/fin', '/enquete'] as const;

export function isSessionPath(pathname: string): boolean {
  return SESSION_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/**
 * Never shows an usager's screen once the accompaniment is over: "Back" after the wipe, or a stale link, lands on
 * the home screen instead.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const { pathname } = useLocation();
  if (isSessionPath(pathname)) {
    if (!state) return null;
    if (!state.session) return <Navigate to="/accueil" replace />;
  }
  return <>{children}</>;
}
