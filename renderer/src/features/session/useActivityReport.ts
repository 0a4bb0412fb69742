import { useEffect } from 'react';
import { api } from '../../api';

/** At most one report every this many milliseconds: the idle timeout counts in minutes. */
export const ACTIVITY_THROTTLE_MS = 15_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;

/** While `enabled`, tells main that someone is using the counter (throttled), so the idle count restarts. */
export function useActivityReport(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      void api().session.activity();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, report, { capture: true });
    };
  }, [enabled]);
}
