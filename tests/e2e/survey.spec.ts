import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test, type Station } from './fixtures';
import { startSession } from './helpers/sign-in';

test.use({ seed: { run: (dataDir: string) => seedStation(dataDir) } });

/** A mediator starts an accompaniment, ends it and hands the screen over to the usager. */
async function handOverToUsager(page: Page, station: Station) {
  await startSession(page, station);
  await page.getByRole('link', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Fin de l'accompagnement" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' }).check();
  await page.getByRole('button', { name: "Passer l'écran à l'usager" }).click();
  await page.waitForURL(/#\/enquete$/);
  await expect(page.getByRole('heading', { name: 'Pouvez-vous nous donner votre avis ?' })).toBeFocused();
}

function readLog(station: Station) {
  const db = new Database(join(station.dataDir, 'station.db'), { readonly: true });
  try {
    return {
      sessions: db.prepare('SELECT autonomy, survey_answered FROM survey_session').all(),
      responses: db
        .prepare(
          'SELECT accueil, information, clarte, accompagnement, solution, securite, recommend FROM survey_response',
        )
        .all(),
    };
  } finally {
    db.close();
  }
}

test('an usager answers the whole survey with the keyboard only, and every step passes axe', async ({
  page,
  station,
}) => {
  await handOverToUsager(page, station);
  await expectAccessible(page);
  const question = (text: string) => page.getByRole('heading', { level: 2, name: text });

  // Intro: Tab reaches "Commencer" after the focused heading.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeFocused();
  await page.keyboard.press('Enter');

  const answer = async (heading: string, moves: number) => {
    await expect(question(heading)).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Tab'); // into the radiogroup (first choice)
    await page.keyboard.press('Space');
    for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // "Retour"
    await page.keyboard.press('Tab'); // "Suivant"
    await expect(page.getByRole('button', { name: 'Suivant' })).toBeFocused();
    await page.keyboard.press('Enter');
  };
  const skip = async (heading: string) => {
    await expect(question(heading)).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Passer cette question' })).toBeFocused();
    await page.keyboard.press('Enter');
  };

  await answer("Êtes-vous satisfait de l'accueil ?", 0); // très satisfait
  await expect(page.getByText('Question 2 sur 7')).toBeVisible();
  await answer('Êtes-vous satisfait des informations reçues ?', 1); // satisfait
  await skip('Êtes-vous satisfait de la clarté des explications ?');
  await answer("Êtes-vous satisfait de l'aide reçue ?", 2); // peu satisfait
  await answer('Êtes-vous satisfait du résultat ?', 4); // je ne sais pas
  await answer('Êtes-vous satisfait de la protection de vos informations ?', 3); // pas satisfait
  await answer('Conseilleriez-vous ce point numérique à une autre personne ?', 0); // oui

  await expect(question('Merci !')).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Le médiateur reprend la main' })).toBeFocused();
  await page.keyboard.press('Enter');
  const pin = page.getByLabel('Code du médiateur');
  await expect(pin).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.type('482915');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/accueil$/);

  await expect
    .poll(() => readLog(station).responses)
    .toEqual([
      {
        accueil: 'tres_satisfait',
        information: 'satisfait',
        clarte: null,
        accompagnement: 'peu_satisfait',
        solution: 'ne_sait_pas',
        securite: 'pas_satisfait',
        recommend: 'oui',
      },
    ]);
  expect(readLog(station).sessions).toEqual([{ autonomy: 'partiellement_autonome', survey_answered: 1 }]);
});

test('the survey cannot reach the mediator or référent screens without the mediator PIN', async ({ page, station }) => {
  await handOverToUsager(page, station);
  const survey = page.getByTestId('survey');

  // The session bar and the header are out of reach behind the survey.
  await expect(page.getByRole('link', { name: "Terminer l'accompagnement" })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Démarches' })).toHaveCount(0);

  // Back, typed addresses and a reload all come back to the survey.
  await page.goBack();
  await expect(page).toHaveURL(/#\/enquete$/);
  await expect(survey).toBeVisible();
  for (const path of ['#/referent', '#/referent/connexion', '#/fin', '#/accueil', '#/demarches']) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, path);
    await expect(page).toHaveURL(/#\/enquete$/);
    await expect(survey).toBeVisible();
  }
  await page.reload();
  await expect(page).toHaveURL(/#\/enquete$/);
  await expect(page.getByTestId('survey')).toBeVisible();

  // A wrong PIN keeps the usager in the survey.
  await page.getByRole('button', { name: 'Réservé au médiateur' }).click();
  await page.getByLabel('Code du médiateur').fill('9999');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByTestId('survey-unlocked')).toHaveCount(0);

  // The mediator's PIN lets the mediator back to the end-of-session form.
  await page.getByRole('button', { name: 'Réservé au médiateur' }).click();
  await page.getByLabel('Code du médiateur').fill('482915');
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Revenir au formulaire de fin' }).click();
  await expect(page).toHaveURL(/#\/fin$/);
  await expect(page.getByRole('heading', { level: 1, name: "Fin de l'accompagnement" })).toBeVisible();
});

test('the mediator can end without the survey: the log entry is written, no answer is', async ({ page, station }) => {
  await startSession(page, station);
  await page.getByRole('link', { name: "Terminer l'accompagnement" }).click();
  await page.getByRole('checkbox', { name: 'Transports, mobilité' }).check();
  await page.getByRole('button', { name: 'Terminer sans enquête' }).click();
  await page.waitForURL(/#\/accueil$/);
  await expect.poll(() => readLog(station).sessions).toEqual([{ autonomy: null, survey_answered: 0 }]);
  expect(readLog(station).responses).toEqual([]);
});
