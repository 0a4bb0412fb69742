import type { Page } from '@playwright/test';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test, type Station } from './fixtures';
import { leaveReferentArea, signInAsReferent, startSession } from './helpers/sign-in';

test.use({ seed: { run: (dir: string) => seedStation(dir) } });

/** Signs Camille in and starts an accompaniment: the session helper's home leads to the catalog. */
async function startAccompaniment(page: Page, station: Station) {
  await startSession(page, station);
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeVisible();
}

async function choose(page: Page, title: string | RegExp) {
  await page.getByTestId('catalog-search').fill('');
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) })
    .getByRole('button', { name: /Commencer/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('the catalog finds démarches whatever the accents and capitals, by category too', async ({ page, station }) => {
  await startAccompaniment(page, station);
  const search = page.getByTestId('catalog-search');
  const cards = page.locator('[data-testid^="demarche-"]');

  await search.fill('IMMATRICULATION');
  await expect(cards).toHaveCount(8);
  await expect(page.getByTestId('demarche-cg-declaration-cession')).toBeVisible();
  await search.fill('carte grise');
  await expect(cards).toHaveCount(8);
  await search.fill('pérmis');
  await expect(page.getByTestId('demarche-permis-duplicata')).toBeVisible();
  await expect(page.getByTestId('demarche-cg-changement-titulaire')).toHaveCount(0);

  await search.fill('');
  await page.getByRole('button', { name: "Carte d'identité et passeport" }).click();
  await expect(cards).toHaveCount(4);
  await expectAccessible(page);
});

test('permis: a renewal from the questions to the filed numéro, with the keyboard', async ({ page, station }) => {
  await startAccompaniment(page, station);
  await page.getByTestId('catalog-search').fill('renouvellement permis');
  await choose(page, 'Permis de conduire : renouvellement');

  await page.getByRole('radio', { name: 'Le permis format carte bancaire' }).check();
  await page.getByRole('radio', { name: 'Non, je l’ai et il est en bon état' }).check();
  await page.getByRole('radio', { name: 'Non : permis voiture ou moto, sans restriction médicale' }).check();
  await page.getByRole('radio', { name: 'Oui, j’ai le code' }).check();
  await expect(page.getByTestId('route')).toContainText('Vous pouvez faire cette démarche ici');

  // Step 1 → 2 with the shortcut shown on screen.
  await expect(page.getByText('Alt + S')).toBeVisible();
  await expect(page.getByTestId('current-step')).toContainText('Préparer les pièces');
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('current-step')).toContainText('Se connecter à son propre compte');
  await expect(page.getByTestId('own-account-notice')).toContainText("il n'a pas le droit d'agir en votre nom");
  await expect(page.getByRole('heading', { name: /Étape 2/ })).toBeFocused();
  await page.keyboard.press('Alt+KeyS');

  // Step 3: the e-photo code is checked before the usager types it online.
  const ephoto = page.getByLabel('Vérifier : Code e-photo');
  await ephoto.fill('abcd efgh ijkl mnop 1234 5');
  await expect(page.getByTestId('format-ephoto')).toContainText('Vous avez tapé 21 caractères');
  await ephoto.fill('abcd efgh ijkl mnop 1234 56');
  await expect(page.getByTestId('format-normalized')).toHaveText('ABCDEFGHIJKLMNOP123456');
  await expectAccessible(page);
  await page.keyboard.press('Alt+KeyS');

  await page.getByTestId('piece-code-ephoto').getByRole('radio', { name: 'Présente' }).check();
  await expect(page.getByTestId('piece-code-ephoto')).toHaveAttribute('data-status', 'present');
  await page.getByLabel('Notes sur cette démarche').fill('Rappeler pour le suivi');

  await page.getByRole('radio', { name: 'Déposée' }).check();
  await page.getByTestId('numero').fill('RENOUV2024A');
  await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  await expect(page.getByTestId('outcome-saved')).toContainText('Résultat enregistré : Déposée');
  await expect(page.getByTestId('numero-warning')).toHaveCount(0);
  await expectAccessible(page);

  // Several démarches in one session: back to the catalog, the first one is listed with its outcome.
  await page.keyboard.press('Alt+KeyD');
  await page.waitForURL(/#\/demarches$/);
  await expect(page.getByRole('heading', { name: 'Démarches de cet accompagnement' })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Permis de conduire : renouvellement' }).first(),
  ).toContainText('Déposée');
});

test('carte grise: a change of owner left incomplete, plate checked, official site opened in a new tab', async ({
  page,
  station,
}) => {
  await startAccompaniment(page, station);
  await page.getByTestId('catalog-search').fill('carte grise');
  await choose(page, /changement de titulaire/);

  await page.getByRole('radio', { name: 'Acheté ou reçu en France, d’un particulier' }).check();
  await page.getByRole('radio', { name: 'Oui', exact: true }).check();
  await page.getByRole('button', { name: 'Étape faite : suivante' }).click();
  await page.getByRole('button', { name: 'Étape faite : suivante' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Remplir la demande');
  await page.getByLabel("Vérifier : Numéro d'immatriculation (plaque)").fill('ab 123 cd');
  await expect(page.getByTestId('format-normalized')).toHaveText('AB-123-CD');

  // No internet here: the browser gets a stand-in page for the official host, so the new tab's address can be read.
  await page
    .context()
    .route('https://immatriculation.ants.gouv.fr/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>ANTS</title>' }),
    );
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ouvrir la page de cette étape' }).click();
  expect((await popup).url()).toBe('https://immatriculation.ants.gouv.fr/');
  await expect(page.getByTestId('site-message')).toContainText('nouvel onglet');

  await page.getByTestId('piece-justificatif-domicile').getByRole('radio', { name: 'Présente' }).check();
  await page.getByTestId('piece-controle-technique').getByRole('radio', { name: 'Manquante' }).check();
  await page.getByRole('radio', { name: 'Incomplète' }).check();
  await expect(page.getByRole('checkbox', { name: 'Contrôle technique de moins de 6 mois' })).toBeChecked();
  await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  await expect(page.getByTestId('outcome-saved')).toContainText('Incomplète');
  await expect(page.getByTestId('reminders')).toContainText('certificat provisoire d’immatriculation (CPI)');
  await expectAccessible(page);
});

test('identité: a passport pré-demande with an unusual numéro is kept, with a warning', async ({ page, station }) => {
  await startAccompaniment(page, station);
  await page.getByRole('button', { name: "Carte d'identité et passeport" }).click();
  await choose(page, 'Passeport : pré-demande en ligne');
  await page.getByRole('radio', { name: 'Oui' }).check();
  await expect(page.getByTestId('reminders')).toContainText('valable 6 mois');
  await page.getByRole('button', { name: '4. Noter le numéro de pré-demande' }).click();
  await page.getByLabel('Vérifier : Numéro de pré-demande').fill('a1b2c3d4e5');
  await expect(page.getByTestId('format-normalized')).toHaveText('A1B2C3D4E5');

  await page.getByRole('radio', { name: 'Déposée' }).check();
  await page.getByTestId('numero').fill('PD-12');
  await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  await expect(page.getByTestId('outcome-saved')).toContainText('Numéro de pré-demande PD-12');
  await expect(page.getByTestId('numero-warning')).toContainText("n'a pas la forme habituelle");
  await expectAccessible(page);
});

test('eligibility: a stolen licence without a police report is oriented to the police', async ({ page, station }) => {
  await startAccompaniment(page, station);
  await page.getByTestId('catalog-search').fill('permis vol');
  await choose(page, /Permis de conduire : duplicata/);
  await page.getByRole('radio', { name: 'On me l’a volé' }).check();
  await page.getByRole('radio', { name: 'Non', exact: true }).check();
  const orientation = page.getByTestId('orientation');
  await expect(orientation).toContainText('À faire ailleurs : La police ou la gendarmerie');
  await expect(orientation).toContainText('déclarer le vol');
  await expect(page.getByText('Répondez aux questions pour voir les étapes.')).toBeVisible();
  await expectAccessible(page);
  await orientation.getByRole('button', { name: "Noter l'orientation" }).click();
  await expect(page.getByTestId('outcome-saved')).toContainText('Résultat enregistré : Orientée');
});

test('the official-site panel refuses an address off the allowlist, in French', async ({ page, station }) => {
  await startAccompaniment(page, station);
  await choose(page, 'Certificat de situation administrative (certificat de non-gage)');
  await page.getByTestId('site-address').fill('https://www.example.com/connexion');
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await expect(page.getByTestId('site-message')).toContainText(
    '« www.example.com » ne fait pas partie des sites officiels autorisés',
  );
  await page.getByTestId('site-address').fill('http://immatriculation.ants.gouv.fr/');
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await expect(page.getByTestId('site-message')).toContainText("n'est pas sécurisée");
  await expectAccessible(page);
});

test('the référent hides a démarche: the counter’s catalog no longer shows it', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Démarches' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Démarches' })).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'Permis de conduire international' });
  await expect(toggle).toBeChecked();
  await expectAccessible(page);
  await toggle.uncheck();
  await expect(page.getByText('La démarche est masquée.')).toBeVisible();
  await leaveReferentArea(page);

  await startAccompaniment(page, station);
  await page.getByTestId('catalog-search').fill('international');
  await expect(page.getByTestId('catalog-count')).toHaveText('0 démarche trouvée.');
});

test('the référent’s local démarches: a text that is not a JSON list, or a wrong démarche, is refused in French', async ({
  page,
  station,
}) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Démarches' }).click();
  const text = page.getByRole('textbox', { name: 'Démarches locales (JSON)' });
  const save = page.getByRole('button', { name: 'Enregistrer les démarches locales' });
  await expect(text).toHaveValue('[]');

  await text.fill('[{ "id": "atelier", ');
  await save.click();
  await expect(
    page.getByText("Le texte n'est pas un JSON valide. Vérifiez les guillemets et les virgules."),
  ).toBeVisible();
  await text.fill('{ "id": "atelier" }');
  await save.click();
  await expect(page.getByText('Le texte doit être une liste entre crochets [ ... ].')).toBeVisible();
  await expect(page.getByTestId('catalog-problems')).toHaveCount(0);

  // Saved (it is a list), but the catalog refuses the démarche and says which field is wrong.
  await text.fill('[{ "id": "atelier" }]');
  await save.click();
  await expect(
    page.getByText('Enregistré, mais 1 démarche(s) locale(s) refusée(s) : voir la liste ci-dessous.'),
  ).toBeVisible();
  await expect(page.getByTestId('catalog-problems').getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page);

  await text.fill('[]');
  await save.click();
  await expect(page.getByText('Les démarches locales sont enregistrées.')).toBeVisible();
  await expect(page.getByTestId('catalog-problems')).toHaveCount(0);
});
