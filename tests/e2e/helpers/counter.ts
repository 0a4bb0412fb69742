/**
 * An accompaniment at the counter, screen by screen, as the mediator and the usager move through it (clicks and
 * keys only): the démarche, its pièces and outcome, the receipt, the end-of-session form and the usager's survey.
 * Page-object style helpers for the long specs (day.spec.ts); each one ends where it says and waits for it.
 */
import { expect, type Page } from '@playwright/test';
import { goToSessionScreen } from './sign-in';

/** A survey answer as the usager presses it (a satisfaction level, or Oui / Non), or null for "Passer". */
export type SurveyPress =
  'Très satisfait' | 'Satisfait' | 'Peu satisfait' | 'Pas satisfait' | 'Je ne sais pas' | 'Oui' | 'Non' | null;

export const SURVEY_QUESTIONS = [
  "Êtes-vous satisfait de l'accueil ?",
  'Êtes-vous satisfait des informations reçues ?',
  'Êtes-vous satisfait de la clarté des explications ?',
  "Êtes-vous satisfait de l'aide reçue ?",
  'Êtes-vous satisfait du résultat ?',
  'Êtes-vous satisfait de la protection de vos informations ?',
  'Conseilleriez-vous ce point numérique à une autre personne ?',
] as const;

/** From the catalog (/#/demarches): searches the démarche and presses its "Commencer"; ends on its screen. */
export async function startDemarche(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher une démarche' }).fill(title);
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .getByRole('button', { name: /^Commencer/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

/** On a démarche screen: a pièce of the checklist is here or missing. */
export async function markPiece(page: Page, pieceId: string, status: 'Présente' | 'Manquante'): Promise<void> {
  const piece = page.getByTestId(`piece-${pieceId}`);
  await piece.getByRole('radio', { name: status }).check();
  await expect(piece).toHaveAttribute('data-status', status === 'Présente' ? 'present' : 'manquant');
}

/** On a démarche screen: chooses how it ended (with its numéro when filed), saves, and checks the result has focus. */
export async function saveOutcome(
  page: Page,
  kind: 'Déposée' | 'Incomplète' | 'Orientée' | 'Abandonnée',
  numero?: string,
): Promise<void> {
  await page.getByRole('radio', { name: kind, exact: true }).check();
  if (numero !== undefined) await page.getByTestId('numero').fill(numero);
  await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  const saved = page.getByTestId('outcome-saved');
  await expect(saved).toContainText(`Résultat enregistré : ${kind}`);
  await expect(saved).toBeFocused();
}

/** Through the session bar to the Reçu screen, prints on the ticket printer; the outcome takes the focus. */
export async function printReceipt(page: Page): Promise<void> {
  await goToSessionScreen(page, 'Reçu');
  await expect(page.getByRole('heading', { level: 1, name: 'Reçu du point numérique' })).toBeFocused();
  await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
  const outcome = page.getByTestId('print-outcome');
  await expect(outcome).toHaveText('Le reçu est imprimé. Donnez-le à la personne.');
  await expect(outcome).toBeFocused();
}

/** "Terminer l'accompagnement" → the end form (autonomy) → "Passer l'écran à l'usager": ends on the survey's intro. */
export async function handOverToUsager(page: Page, autonomy: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Accompagnement en cours' })
    .getByRole('link', { name: "Terminer l'accompagnement" })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: "Fin de l'accompagnement" })).toBeFocused();
  await page.getByRole('radio', { name: autonomy, exact: true }).check();
  await page.getByRole('button', { name: "Passer l'écran à l'usager" }).click();
  await page.waitForURL(/#\/enquete$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Pouvez-vous nous donner votre avis ?' })).toBeFocused();
}

/**
 * The usager answers questions `from`… in turn (null: "Passer cette question"); each press moves on by itself, so
 * each step waits for the next question's heading to have the focus.
 */
export async function answerSurvey(page: Page, presses: readonly SurveyPress[], from = 0): Promise<void> {
  for (const [offset, press] of presses.entries()) {
    const index = from + offset;
    await expect(page.getByRole('heading', { level: 2, name: SURVEY_QUESTIONS[index] })).toBeFocused();
    await expect(page.getByText(`Question ${index + 1} sur ${SURVEY_QUESTIONS.length}`)).toBeVisible();
    const name = press ?? 'Passer cette question';
    await page.getByRole('button', { name, exact: true }).click();
  }
  const next = SURVEY_QUESTIONS[from + presses.length] ?? 'Merci !';
  await expect(page.getByRole('heading', { level: 2, name: next })).toBeFocused();
}

/** On the survey's "Merci !": the mediator takes the screen back with their PIN; the accompaniment ends (home). */
export async function takeBackAfterSurvey(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Le médiateur reprend la main' }).click();
  const dialog = page.getByRole('dialog', { name: 'Réservé au médiateur' });
  await dialog.getByLabel('Code du médiateur').fill(pin);
  await dialog.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL(/#\/accueil$/);
  await expect(page.getByTestId('wipe-report')).toHaveAttribute('data-status', 'completed');
}
