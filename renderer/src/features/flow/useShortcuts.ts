import { useEffect, useRef } from 'react';

/** A keyboard shortcut of a screen: Alt + a letter (by physical key, so it works on every layout). */
export interface Shortcut {
  /** KeyboardEvent.code, e.g. 'KeyS'. */
  code: string;
  /** What the screen shows, e.g. 'Alt + S'. */
  keys: string;
  label: string;
  run(): void;
}

/** Binds Alt+letter shortcuts while the screen is shown. The screen lists them (ShortcutList) so nobody has to guess. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const found = current.current.find((shortcut) => shortcut.code === event.code);
      if (!found) return;
      event.preventDefault();
      found.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Moves the keyboard focus to an element by id (and scrolls it into view). */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'start' });
  element.focus();
}
