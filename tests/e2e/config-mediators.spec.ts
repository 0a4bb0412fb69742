import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { loadApp } from './helpers/navigation';
import { leaveReferentArea, signIn, signInAsReferent } from './helpers/sign-in';

test.use({
  seed: {
    run: (dir) =>
      seedStation(dir, {
        mediators: [
          { pseudonym: 'Camille', pin: '482915' },
          { pseudonym: 'Lou', pin: '615283' },
        ],
      }),
  },
});

test('the référent deactivates, reactivates and gives a new code to a mediator, and each outcome is said', async ({
  page,
  station,
}) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Médiateurs' }).click();
  const camille = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Camille' }) });
  const said = page.getByRole('status').filter({ hasText: /\S/ });

  await camille.getByRole('button', { name: 'Désactiver Camille' }).click();
  await expect(said).toHaveText('Camille est désactivé.');
  await expect(camille).toContainText('Désactivé');
  await camille.getByRole('button', { name: 'Activer Camille' }).click();
  await expect(said).toHaveText('Camille est de nouveau actif.');
  await expect(camille).toContainText('Actif');

  // A code main refuses: the form stays open and says why, next to its button.
  await camille.getByRole('button', { name: 'Nouveau code pour Camille' }).click();
  const newPin = camille.getByRole('textbox', { name: 'Nouveau code pour Camille' });
  await newPin.fill('111111');
  await camille.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(camille.getByRole('status')).toContainText('répète un seul chiffre');
  await expectAccessible(page);
  // Lou's code is taken: refused too.
  await newPin.fill('615283');
  await camille.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(camille.getByRole('status')).toContainText('déjà celui d’un autre compte');

  // A good one: the form closes, and the panel says the code is saved (it used to close without a word).
  await newPin.fill('739164');
  await camille.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(said).toHaveText('Le nouveau code de Camille est enregistré.');
  await expect(newPin).toHaveCount(0);
  await expectAccessible(page);

  await leaveReferentArea(page);
  await signIn(page, station, 'Camille', '739164');
});

test('when a mediator signs in on another screen, the open référent area leaves and says it closed', async ({
  page,
  browser,
  station,
}) => {
  // The area re-reads its status every 20 s: the page's clock is moved on instead of waiting.
  await page.clock.install();
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Médiateurs' }).click();
  await expect(page.getByRole('rowheader', { name: 'Lou' })).toBeVisible();

  // The same station from a second browser (the web host): Lou signs in, which closes the référent area in main.
  const other = await browser.newContext({ locale: 'fr-FR' });
  const second = await other.newPage();
  await loadApp(second, station, '#/connexion');
  await second.getByRole('radio', { name: 'Lou', exact: true }).check();
  await second.getByLabel('Votre code PIN').fill('615283');
  await second.getByRole('button', { name: 'Se connecter' }).click();
  await second.waitForURL(/#\/accueil$/);
  await other.close();

  await expect(page).toHaveURL(/#\/referent\?onglet=mediateurs$/);
  await page.clock.fastForward(20_000);
  await expect(page).toHaveURL(/#\/referent\/connexion\?raison=expiree$/);
  await expect(page.getByText("L'espace référent s'est fermé")).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent : connexion' })).toBeFocused();
  await expect(page.getByRole('tab')).toHaveCount(0);
});
