import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Saves a value typed in a field to main shortly after the last keystroke, and at once on every way of leaving:
 * blur, the screen unmounting (a link, Alt+D, the session bar), the page being hidden or reloaded. What was typed
 * is never lost because the mediator left before the delay.
 */
export function useFlushedSave<T>(save: (value: T) => void, delayMs = 500) {
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<{ value: T } | null>(null);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const waiting = pending.current;
    pending.current = null;
    if (waiting) saveRef.current(waiting.value);
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { schedule, flush };
}
