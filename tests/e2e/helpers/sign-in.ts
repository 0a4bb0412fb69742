/**
 * Signing in through the real screens (renderer/src/features/access), for every e2e spec that needs a mediator or
 * the référent. Pair with tests/helpers/seed-station.ts, which creates Camille / 482915 and the référent PIN 24681357.
 * Only the first helper of a spec loads the app; after that they move by clicks (./navigation.ts).
 */
import { expect, type Page } from '@playwright/test';
import type { Station } from '../fixtures';
import { ensureLoaded } from './navigation';

/** From any mediator screen: "Changer de médiateur" (confirming the end of a running accompaniment). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Changer de médiateur' }).click();
  const confirm = page.getByRole('dialog', { name: 'Changer de médiateur ?' });
  if (await confirm.isVisible().catch(() => false)) {
    await confirm.getByRole('button', { name: /^Terminer l'accompagnement/ }).click();
  }
  await page.waitForURL(/#\/connexion$/);
}

/** Signs a mediator in on the sign-in screen (signing the previous one out first) and waits for /#/accueil. */
export async function signIn(page: Page, station: Station, pseudonym = 'Camille', pin = '482915'): Promise<void> {
  await ensureLoaded(page, station);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (/#\/referent$/.test(page.url())) await leaveReferentArea(page);
  else if (/#\/referent\/connexion/.test(page.url())) {
    await page.getByRole('link', { name: "Retour à l'accueil du poste" }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (await page.getByTestId('signed-in-bar').isVisible()) await signOut(page);
  await page.waitForURL(/#\/connexion$/);
  await page.getByRole('radio', { name: pseudonym, exact: true }).check();
  await page.getByLabel('Votre code PIN').fill(pin);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/#\/accueil$/);
}

/**
 * Opens the référent area with the référent PIN, from the sign-in screen or the mediator's home (its link
 * "Espace référent"), and waits until it is shown (/#/referent).
 */
export async function signInAsReferent(page: Page, station: Station, pin = '24681357'): Promise<void> {
  await ensureLoaded(page, station);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (!/#\/referent\/connexion/.test(page.url())) {
    await page.getByRole('link', { name: 'Espace référent' }).click();
  }
  await page.waitForURL(/#\/referent\/connexion/);
  await page.getByLabel('Code du référent').fill(pin);
  await page.getByRole('button', { name: "Ouvrir l'espace référent" }).click();
  await page.waitForURL(/#\/referent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent' })).toBeVisible();
}

/** Leaves the référent area by its own button. */
export async function leaveReferentArea(page: Page): Promise<void> {
  await page.getByRole('button', { name: "Fermer l'espace référent" }).click();
  await expect(page).not.toHaveURL(/#\/referent/);
}

/** Signs the mediator in and starts an accompaniment: ends on the démarches catalog (/#/demarches). */
export async function startSession(page: Page, station: Station, pseudonym = 'Camille', pin = '482915'): Promise<void> {
  await signIn(page, station, pseudonym, pin);
  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await page.waitForURL(/#\/demarches$/);
}

/** From a session screen, through the session bar: 'Démarches', 'Pièces' or 'Reçu'. */
export async function goToSessionScreen(page: Page, name: 'Démarches' | 'Pièces' | 'Reçu'): Promise<void> {
  await page.getByRole('navigation', { name: 'Accompagnement en cours' }).getByRole('link', { name }).click();
}
