/**
 * Signing in through the real screens (renderer/src/features/access), for every e2e spec that needs a mediator or
 * the référent. Pair with tests/helpers/seed-station.ts, which creates Camille / 482915 and the référent PIN 24681357.
 */
import { expect, type Page } from '@playwright/test';
import type { Station } from '../fixtures';

/** Signs a mediator in on /connexion and waits for the mediator's home (/#/accueil). */
export async function signIn(page: Page, station: Station, pseudonym = 'Camille', pin = '482915'): Promise<void> {
  await page.goto(`${station.url}#/connexion`);
  await page.getByRole('radio', { name: pseudonym, exact: true }).check();
  await page.getByLabel('Votre code PIN').fill(pin);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/#\/accueil$/);
}

/** Opens the référent area with the référent PIN and waits until it is shown (/#/referent). */
export async function signInAsReferent(page: Page, station: Station, pin = '24681357'): Promise<void> {
  await page.goto(`${station.url}#/referent/connexion`);
  await page.getByLabel('Code du référent').fill(pin);
  await page.getByRole('button', { name: "Ouvrir l'espace référent" }).click();
  await page.waitForURL(/#\/referent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent' })).toBeVisible();
}

/** Signs the mediator in and starts an accompaniment: ends on the démarches catalog (/#/demarches). */
export async function startSession(page: Page, station: Station, pseudonym = 'Camille', pin = '482915'): Promise<void> {
  await signIn(page, station, pseudonym, pin);
  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await page.waitForURL(/#\/demarches$/);
}
