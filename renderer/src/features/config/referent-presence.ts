import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api';

/** The référent area's screen. */
export const REFERENT_PATH = '/referent';
/** At most one activity report every this many milliseconds: the area closes after minutes, not seconds. */
export const REFERENT_ACTIVITY_THROTTLE_MS = 15_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Leaving the référent area's screen closes the area in main (access.referentSignOut), whatever the way out: a
 * link, the back key, a typed address. Mounted once, above the routes (app/Shell.tsx). A layout effect, so the
 * call leaves before the next screen's own first calls (passive effects), e.g. the référent sign-in screen asking
 * whether the area is still open.
 */
export function useReferentLeave(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useLayoutEffect(() => {
    const was = previous.current;
    previous.current = pathname;
    if (was === REFERENT_PATH && pathname !== REFERENT_PATH) void api().access.referentSignOut();
  }, [pathname]);
}

/** While the référent uses the area's screen (typing a long form counts), main keeps the area open. */
export function useReferentActivity(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < REFERENT_ACTIVITY_THROTTLE_MS) return;
      last = now;
      void api().access.referentActivity();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, report, { capture: true });
    };
  }, [enabled]);
}
