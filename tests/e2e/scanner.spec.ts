import { smallDocument } from '../fixtures/scan/generate';
import { startTestScanner, type TestScanner } from '../helpers/escl-scanner';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { leaveReferentArea, signInAsReferent, startSession } from './helpers/sign-in';

/**
 * The network scanner through the screens: the web host talks to a test eSCL scanner on 127.0.0.1 (real HTTP,
 * real client code). The référent sets it up in the référent area; the mediator scans two pages by the feeder
 * into a pièce and sees ONE PDF attached.
 */
let scanner: TestScanner;

test.use({ seed: { run: (dir: string) => seedStation(dir) } });

test.beforeEach(async () => {
  scanner = await startTestScanner({
    pages: [await smallDocument('Facture page 1'), await smallDocument('Facture page 2')],
  });
});
test.afterEach(async () => {
  await scanner.close();
});

test('the référent chooses and tests the scanner; the mediator scans two pages by the feeder into one PDF of the pièce', async ({
  page,
  station,
}) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Scanner réseau' }).click();
  await page.getByLabel('Adresse du scanner').fill(scanner.url);
  await page.getByRole('button', { name: 'Lire ses capacités' }).click();
  const found = page.getByTestId('scanner-found');
  await expect(found.getByRole('row', { name: /Chargeur recto-verso/ })).toBeVisible();
  await expect(found.getByRole('row', { name: /Vitre/ })).toContainText('150, 300, 600');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Choisir ce scanner' }).click();
  await expect(page.getByTestId('scanner-result')).toContainText('Ce scanner est maintenant celui du poste');
  await page.getByRole('button', { name: 'Tester le scanner' }).click();
  await expect(page.getByRole('img', { name: 'Page de test du scanner' })).toBeVisible();
  await leaveReferentArea(page);

  await startSession(page, station);
  await page.getByTestId('catalog-search').fill('changement d’adresse');
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Carte grise : changement d’adresse/ }) })
    .getByRole('button', { name: /Commencer/ })
    .click();
  const piece = page.getByTestId('piece-justificatif-domicile');
  await piece.getByRole('button', { name: /^Numériser/ }).click();
  const dialog = page.getByRole('dialog', { name: /Numériser/ });
  await dialog.getByRole('radio', { name: 'Chargeur (plusieurs feuilles)' }).check();
  await expect(dialog.getByLabel('Résolution')).toContainText('300 ppp');
  await dialog.getByRole('button', { name: 'Lancer la numérisation' }).click();
  await expect(dialog.getByTestId('scan-dialog-result')).toContainText('2 pages numérisées : un seul document PDF');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  const group = page.getByTestId('scan-group-justificatif-domicile');
  const card = group.getByTestId('scan-import');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('PDF · 2 pages');
  await expect(card.getByRole('img', { name: /Miniature de Numérisation 1/ })).toBeVisible();
  await expect(piece.getByTestId('piece-scans-justificatif-domicile')).toContainText('Numérisation 1');
});

test('a paper jam says what to do and attaches nothing', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Scanner réseau' }).click();
  await page.getByLabel('Adresse du scanner').fill(scanner.url);
  await page.getByRole('button', { name: 'Lire ses capacités' }).click();
  await page.getByRole('button', { name: 'Choisir ce scanner' }).click();
  await expect(page.getByTestId('scanner-result')).toContainText('celui du poste');
  await leaveReferentArea(page);
  scanner.set({ fault: 'jam', faultAfterPages: 1 });

  await startSession(page, station);
  await page.getByTestId('catalog-search').fill('changement d’adresse');
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Carte grise : changement d’adresse/ }) })
    .getByRole('button', { name: /Commencer/ })
    .click();
  await page
    .getByTestId('piece-justificatif-domicile')
    .getByRole('button', { name: /^Numériser/ })
    .click();
  const dialog = page.getByRole('dialog', { name: /Numériser/ });
  await dialog.getByRole('radio', { name: 'Chargeur (plusieurs feuilles)' }).check();
  await dialog.getByRole('button', { name: 'Lancer la numérisation' }).click();
  await expect(dialog.getByTestId('scan-dialog-result')).toContainText('Une feuille est coincée');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByTestId('scan-group-justificatif-domicile').getByTestId('scan-import')).toHaveCount(0);
});

test('an HTTPS scanner with a self-signed certificate: the référent compares and accepts its fingerprint once', async ({
  page,
  station,
}) => {
  await scanner.close();
  scanner = await startTestScanner({ pages: [await smallDocument('Page')], tls: 'a' });
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Scanner réseau' }).click();
  await page.getByLabel('Adresse du scanner').fill(scanner.url);
  await page.getByRole('button', { name: 'Lire ses capacités' }).click();
  await expect(page.getByText(/certificat que l’ordinateur ne connaît pas/)).toBeVisible();
  await expect(page.getByTestId('scanner-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await page.getByRole('button', { name: 'Accepter cette empreinte' }).click();
  await expect(page.getByTestId('scanner-found')).toContainText('(connexion chiffrée)');
  await page.getByRole('button', { name: 'Choisir ce scanner' }).click();
  await expect(page.getByTestId('scanner-result')).toContainText('celui du poste');
  await page.getByRole('button', { name: 'Tester le scanner' }).click();
  await expect(page.getByRole('img', { name: 'Page de test du scanner' })).toBeVisible();
});
