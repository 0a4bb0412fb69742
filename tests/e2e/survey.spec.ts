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

test('an usager answers the whole survey with the keyboard only: one key press per answer, and axe on every step', async ({
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

  /** Tab from the focused question to the answer `position` (0 = "Très satisfait"), Enter: the survey moves on. */
  const answer = async (heading: string, position: number) => {
    await expect(question(heading)).toBeFocused();
    await expectAccessible(page);
    for (let i = 0; i <= position; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  };
  const skip = async (heading: string) => {
    await expect(question(heading)).toBeFocused();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab'); // 5 answers, "Retour", then "Passer"
    await expect(page.getByRole('button', { name: 'Passer cette question' })).toBeFocused();
    await page.keyboard.press('Enter');
  };

  await answer("Êtes-vous satisfait de l'accueil ?", 0); // très satisfait
  await expect(page.getByText('Question 2 sur 7')).toBeVisible();
  await answer('Êtes-vous satisfait des informations reçues ?', 1); // satisfait
  await skip('Êtes-vous satisfait de la clarté des explications ?');
  await answer("Êtes-vous satisfait de l'aide reçue ?", 2); // peu satisfait

  // "Retour" to change an answer: the answer given is marked; another press replaces it and moves on again.
  await expect(question('Êtes-vous satisfait du résultat ?')).toBeFocused();
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(question("Êtes-vous satisfait de l'aide reçue ?")).toBeFocused();
  await expect(page.getByRole('button', { name: 'Peu satisfait' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Pas satisfait' }).click();

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
        accompagnement: 'pas_satisfait',
        solution: 'ne_sait_pas',
        securite: 'pas_satisfait',
        recommend: 'oui',
      },
    ]);
  expect(readLog(station).sessions).toEqual([{ autonomy: 'partiellement_autonome', survey_answered: 1 }]);
});

test('a reload in the middle of the survey loses no answer and resumes at the next question', async ({
  page,
  station,
}) => {
  await handOverToUsager(page, station);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('button', { name: 'Pas satisfait' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Êtes-vous satisfait des informations reçues ?' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Pas satisfait' }).click();
  await expect(page.getByText('Question 3 sur 7')).toBeVisible();

  await page.reload();
  const third = page.getByRole('heading', { level: 2, name: 'Êtes-vous satisfait de la clarté des explications ?' });
  await expect(third).toBeFocused();
  await expect(page.getByText('Question 3 sur 7')).toBeVisible();
  await page.getByRole('button', { name: 'Très satisfait' }).click();
  // The answers from before the reload are still there: "Retour" shows them.
  await page.getByRole('button', { name: 'Retour' }).click();
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(page.getByRole('button', { name: 'Pas satisfait' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Garder ma réponse' }).click();
  await page.getByRole('button', { name: 'Garder ma réponse' }).click();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Passer cette question' }).click();
  await page.getByRole('button', { name: 'Le médiateur reprend la main' }).click();
  await page.getByLabel('Code du médiateur').fill('482915');
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL(/#\/accueil$/);

  await expect
    .poll(() => readLog(station).responses)
    .toEqual([
      {
        accueil: 'pas_satisfait',
        information: 'pas_satisfait',
        clarte: 'tres_satisfait',
        accompagnement: null,
        solution: null,
        securite: null,
        recommend: null,
      },
    ]);
});

test('one question and its buttons fit a counter screen (1366×697) and stay usable at 200 % zoom', async ({
  page,
  station,
}) => {
  await page.setViewportSize({ width: 1366, height: 697 });
  await handOverToUsager(page, station);
  await page.getByRole('button', { name: 'Commencer' }).click();
  const paper = page.locator('[data-testid="survey"] .MuiDialog-paper');
  const overflow = () =>
    paper.evaluate((el) => ({ y: el.scrollHeight - el.clientHeight, x: el.scrollWidth - el.clientWidth }));
  for (let step = 0; step < 7; step++) {
    await expect(page.getByText(`Question ${step + 1} sur 7`)).toBeVisible();
    expect(await overflow()).toEqual({ x: 0, y: 0 });
    for (const name of ['Très satisfait', 'Retour', 'Passer cette question', 'Réservé au médiateur']) {
      if (step === 6 && name === 'Très satisfait') continue; // the recommendation question: Oui / Non
      await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    // "Passer" is the secondary button: smaller than an answer, never filled.
    const skip = await page.getByRole('button', { name: 'Passer cette question' }).boundingBox();
    const first = await page.getByRole('button', { name: step === 6 ? 'Oui' : 'Très satisfait' }).boundingBox();
    expect(skip!.height).toBeLessThan(first!.height);
    await expect(page.getByRole('button', { name: 'Passer cette question' })).not.toHaveClass(/MuiButton-contained/);
    if (step === 2) {
      // 200 % zoom: the same page in half the CSS pixels. It scrolls down, never sideways; every button is reachable.
      await page.setViewportSize({ width: 683, height: 348 });
      expect((await overflow()).x).toBe(0);
      await expectAccessible(page);
      const skipButton = page.getByRole('button', { name: 'Passer cette question' });
      await skipButton.scrollIntoViewIfNeeded();
      await expect(skipButton).toBeInViewport({ ratio: 1 });
      await page.setViewportSize({ width: 1366, height: 697 });
    }
    await page.getByRole('button', { name: 'Passer cette question' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Merci !' })).toBeFocused();
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

  // The mediator's PIN lets the mediator back to the end-of-session form.
  await page.getByRole('button', { name: 'Réservé au médiateur' }).click();
  await page.getByLabel('Code du médiateur').fill('482915');
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Revenir au formulaire de fin' }).click();
  await expect(page).toHaveURL(/#\/fin$/);
  await expect(page.getByRole('heading', { level: 1, name: "Fin de l'accompagnement" })).toBeVisible();
});

test('wrong PINs on the survey say "Appelez le médiateur" and never lock the mediator account', async ({
  page,
  station,
}) => {
  await handOverToUsager(page, station);
  await page.getByRole('button', { name: 'Réservé au médiateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Réservé au médiateur' });
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Code du médiateur').fill('9999');
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
  }
  await expect(dialog.getByRole('alert')).toContainText('Appelez le médiateur.');
  await expectAccessible(page);
  // Even the right PIN waits now; the usager stays in the survey.
  await page.getByLabel('Code du médiateur').fill('482915');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Appelez le médiateur.');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByTestId('survey-unlocked')).toHaveCount(0);
  await expect(page.getByTestId('survey')).toBeVisible();

  const db = new Database(join(station.dataDir, 'station.db'), { readonly: true });
  try {
    expect(db.prepare('SELECT failed_tries, locked_until FROM mediators').all()).toEqual([
      { failed_tries: 0, locked_until: null },
    ]);
  } finally {
    db.close();
  }
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
