import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seedStation } from '../helpers/seed-station';
import { smallDocument } from '../fixtures/scan/generate';
import { expect, expectAccessible, test } from './fixtures';
import type { Page } from '@playwright/test';
import { signInAsReferent, startSession } from './helpers/sign-in';

/** Beside the data dir, as a copier's folder would be (inside it, the station refuses it). */
const scansOf = (dataDir: string) => join(dirname(dataDir), 'scans');

test.use({
  seed: {
    run(dataDir) {
      mkdirSync(scansOf(dataDir));
      seedStation(dataDir, { config: { scan: { folder: scansOf(dataDir) } } });
    },
  },
});

/** The pièces screen through the session bar, as the mediator gets there. */
async function openPieces(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Accompagnement en cours' }).getByRole('link', { name: 'Pièces' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Documents de l'usager" })).toBeVisible();
}

test('a scan dropped into the watched folder appears with its thumbnail, attached to a pièce', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  await openPieces(page);
  await expect(page.getByText('Le dossier de numérisation est surveillé')).toBeVisible();
  await page.getByLabel('Démarche dont les pièces sont rattachées').selectOption('cg-changement-adresse');

  // The counter's scanner writes its file into the folder.
  const file = join(scansOf(station.dataDir), 'SCAN_0001.jpg');
  writeFileSync(file, await smallDocument('Facture EDF'));

  const card = page.getByTestId('scan-import').filter({ hasText: 'SCAN_0001.jpg' });
  await expect(card.getByRole('img', { name: 'Miniature de SCAN_0001.jpg' })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText(/Prêt à envoyer/)).toBeVisible();
  // The original goes from the folder just after the import: wait for it rather than race it.
  await expect.poll(() => existsSync(file)).toBe(false);

  await card.getByLabel('Pièce').selectOption('justificatif-domicile');
  const group = page.getByTestId('scan-group-justificatif-domicile');
  await expect(group.getByRole('img', { name: 'Miniature de SCAN_0001.jpg' })).toBeVisible();
  await expectAccessible(page);

  const thumbnail = card.getByRole('img', { name: 'Miniature de SCAN_0001.jpg' });
  const landscape = () =>
    thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > image.naturalHeight);
  expect(await landscape()).toBe(false);
  await card.getByRole('button', { name: "Pivoter d'un quart de tour" }).click();
  // The portrait page turned a quarter: the new thumbnail lies on its side.
  await expect.poll(landscape).toBe(true);
  await card.getByRole('button', { name: 'Agrandir' }).click();
  await expect(page.getByRole('img', { name: /Page 1 de SCAN_0001.jpg/ })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer' }).click();
});

test('a file refused by content says why, in French, naming the file', async ({ page, station }) => {
  await startSession(page, station);
  await openPieces(page);
  await page.getByLabel('Fichiers à importer').setInputFiles({
    name: 'lettre.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('Ceci est une lettre, pas une image.\n'),
  });
  await expect(page.getByText(/Le fichier « lettre\.jpg » n'est pas un scan/).first()).toBeVisible();
});

test('a file dragged and dropped onto the panel is imported', async ({ page, station }) => {
  await startSession(page, station);
  await openPieces(page);
  const bytes = [...(await smallDocument('Glissé'))];
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], 'glisse.jpg', { type: 'image/jpeg' }));
    return transfer;
  }, bytes);
  await page.getByTestId('scan-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('img', { name: 'Miniature de glisse.jpg' })).toBeVisible({ timeout: 20_000 });
});

test('a name too long is said in words and keeps the rename form, with what was typed, to correct it', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  await openPieces(page);
  await page.getByLabel('Fichiers à importer').setInputFiles({
    name: 'scan.jpg',
    mimeType: 'image/jpeg',
    buffer: await smallDocument('Avis'),
  });
  const card = page.getByTestId('scan-import').filter({ hasText: 'scan.jpg' });
  await card.getByRole('button', { name: 'Renommer' }).click();
  // Over the 200 characters a name may have: said in words, before main would refuse it.
  const tooLong = `Avis d'imposition ${'x'.repeat(200)}`;
  await card.getByLabel('Nouveau nom').fill(tooLong);
  await card.getByRole('button', { name: 'Valider' }).click();
  const message = page.getByTestId('scan-message');
  await expect(message).toHaveText('Ce nom est trop long. Il a 218 caractères, 200 au plus.');
  await expect(message).toBeFocused();
  await expect(card.getByLabel('Nouveau nom')).toHaveValue(tooLong);

  await card.getByLabel('Nouveau nom').fill("Avis d'imposition");
  await card.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { level: 4, name: "Avis d'imposition" })).toBeVisible();
  await expect(page.getByLabel('Nouveau nom')).toHaveCount(0);
});

test("the next usager's screen shows no name of the previous one's files; the session's files leave the folder", async ({
  page,
  station,
}) => {
  const folder = scansOf(station.dataDir);
  // Left by someone before this accompaniment (an hour ago).
  const before = join(folder, 'ancien-DURAND.jpg');
  writeFileSync(before, await smallDocument('Avant'));
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(before, anHourAgo, anHourAgo);

  await startSession(page, station);
  await openPieces(page);
  await expect(page.getByText(/Un fichier était déjà dans le dossier de numérisation/)).toBeVisible();
  await expect(page.getByText('DURAND')).toHaveCount(0);
  const refused = join(folder, 'courrier-MOREAU.jpg');
  writeFileSync(refused, 'Ceci est un courrier, pas une image.\n');
  await expect(page.getByText(/« courrier-MOREAU\.jpg » n'est pas un scan/)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();

  await page.getByRole('link', { name: "Terminer l'accompagnement" }).click();
  await page.getByRole('button', { name: /Terminer sans enquête|Terminer l'accompagnement/ }).click();
  await page.waitForURL(/#\/accueil$/);
  await expect(page.getByTestId('wipe-report')).not.toContainText('Aucun fichier');
  expect(existsSync(refused)).toBe(false);
  expect(existsSync(before)).toBe(true);

  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await page.waitForURL(/#\/demarches$/);
  await openPieces(page);
  await expect(page.getByText(/Un fichier était déjà dans le dossier de numérisation/)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/MOREAU|DURAND/);
  await expectAccessible(page);
});

test('the référent tests the scan folder', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Dossier du scanner' }).click();
  await expect(page.getByLabel('Dossier de numérisation')).toHaveValue(scansOf(station.dataDir));
  await page.getByRole('button', { name: 'Tester le dossier' }).click();
  await expect(page.getByText('Le dossier convient.')).toBeVisible();
  await page.getByLabel('Dossier de numérisation').fill(join(station.dataDir, 'absent'));
  await page.getByRole('button', { name: 'Tester le dossier' }).click();
  await expect(page.getByText('Le dossier ne convient pas.')).toBeVisible();
  // A path too long to test: said in words, in place of the previous checks.
  await page.getByLabel('Dossier de numérisation').fill(`/${'d'.repeat(600)}`);
  await page.getByRole('button', { name: 'Tester le dossier' }).click();
  await expect(page.getByText('Le dossier ne convient pas.')).toBeHidden();
  await expect(page.getByText('Ce chemin est trop long. Il a 601 caractères, 500 au plus.')).toBeVisible();
  await expectAccessible(page);
});
