/**
 * A person at the counter loads the app once and then only clicks and types: these helpers load it and then make
 * any later `page.goto` throw, so a spec (or a helper) cannot reach a screen by its address and hide a missing
 * link or button. The two legitimate exceptions are named: a spec that tests a typed address on purpose, and a
 * station restarted on a new port (the app is loaded again, as after a real restart).
 */
import type { Page } from '@playwright/test';
import type { Station } from '../fixtures';

const originalGoto = new WeakMap<Page, Page['goto']>();

export function isLoaded(page: Page): boolean {
  return originalGoto.has(page);
}

/** The first and only load of the app (optionally at a hash, e.g. '#/connexion'); later page.goto calls throw. */
export async function loadApp(page: Page, station: Station, hash = ''): Promise<void> {
  if (isLoaded(page)) {
    throw new Error('The app is already loaded: move by clicks and keys (no page.goto after the first load).');
  }
  const goto = page.goto.bind(page);
  originalGoto.set(page, goto);
  page.goto = async (url: string) => {
    throw new Error(
      `page.goto(${url}) after the first load: a person moves by clicks and keys. ` +
        'Use typeAddress() only for a test of a typed address.',
    );
  };
  await goto(`${station.url}${hash}`);
}

/** Loads the app if it is not loaded yet (the first helper of a spec does it). */
export async function ensureLoaded(page: Page, station: Station, hash = ''): Promise<void> {
  if (!isLoaded(page)) await loadApp(page, station, hash);
}

/** For a spec that checks what a typed address (a stale link, "Back" into a wiped session) leads to. */
export async function typeAddress(page: Page, station: Station, hash: string): Promise<void> {
  const goto = originalGoto.get(page);
  if (!goto) throw new Error('Load the app first (loadApp).');
  await goto(`${station.url}${hash}`);
}

/** After station.restart(): the web host runs on a new port, so the app is loaded again from there. */
export async function reloadAfterRestart(page: Page, station: Station): Promise<void> {
  const goto = originalGoto.get(page);
  if (!goto) throw new Error('Load the app first (loadApp).');
  await goto(station.url);
}
