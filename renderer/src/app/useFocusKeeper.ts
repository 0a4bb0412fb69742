import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { ancestorsOf, rescueTarget } from './focus-rescue';

/**
 * Where the eyes are (RGAA 12.x): on every page change the focus goes to the page's h1 (waiting for a screen that
 * loads first); when the focused element disappears or is disabled (a scan deleted, "Imprimer" replaced by
 * "Réimprimer", a dialog closed), focus stays nearby instead of falling to the top of the page.
 */
export function useFocusKeeper(): void {
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    return focusHeadingWhenShown();
  }, [pathname]);

  useEffect(() => {
    let lost: { element: Element; ancestors: Element[] } | null = null;
    let timer: number | undefined;
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget || !(event.target instanceof Element)) return;
      const main = document.getElementById('contenu');
      lost = { element: event.target, ancestors: ancestorsOf(event.target, main) };
      window.clearTimeout(timer);
      timer = window.setTimeout(rescue, 50);
    };
    const rescue = () => {
      const active = document.activeElement;
      if (!lost || (active && active !== document.body)) return;
      const { element, ancestors } = lost;
      lost = null;
      // A click elsewhere on the page (not on a control) is the person's choice: only vanished or disabled ones.
      const gone = !element.isConnected || (element as HTMLButtonElement).disabled === true;
      if (!gone) return;
      if (element.isConnected) {
        // Disabled while its action runs: it gets the focus back once enabled.
        waitEnabled(element as HTMLElement);
        return;
      }
      // Inside the page: the nearest control that is still there. Outside it (a dialog closed): the page's h1.
      const target = (rescueTarget(ancestors, (candidate) => candidate.isConnected) ??
        document.querySelector('#contenu h1')) as HTMLElement | null;
      if (!target) return;
      if (!target.matches('button, [href], input, select, textarea, [tabindex]')) target.tabIndex = -1;
      target.focus();
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      window.clearTimeout(timer);
    };
  }, []);
}

function waitEnabled(element: HTMLElement): void {
  const observer = new MutationObserver(() => {
    if (!element.isConnected) return observer.disconnect();
    if (!(element as HTMLButtonElement).disabled) {
      observer.disconnect();
      if (document.activeElement === document.body || !document.activeElement) element.focus();
    }
  });
  observer.observe(element, { attributes: true, attributeFilter: ['disabled'] });
  window.setTimeout(() => observer.disconnect(), 30_000);
}

/** Focuses the main h1 as soon as the new screen shows it (at most 5 s later); returns the clean-up. */
function focusHeadingWhenShown(): () => void {
  const tryFocus = () => {
    const heading = document.querySelector<HTMLElement>('#contenu h1');
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
    return true;
  };
  if (tryFocus()) return () => undefined;
  const main = document.getElementById('contenu') ?? document.body;
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), 5_000);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
}
