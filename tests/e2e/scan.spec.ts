import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedStation } from '../helpers/seed-station';
import { smallDocument } from '../fixtures/scan/generate';
import { expect, expectAccessible, test } from './fixtures';
import { goToSessionScreen, signInAsReferent, startSession } from './helpers/sign-in';

const scansOf = (dataDir: string) => join(dataDir, 'scans');

test.use({
  seed: {
    run(dataDir) {
      mkdirSync(scansOf(dataDir));
      seedStation(dataDir, { config: { scan: { folder: scansOf(dataDir) } } });
    },
  },
});

test('a scan dropped into the watched folder appears with its thumbnail, attached to a pièce', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  await goToSessionScreen(page, 'Pièces');
  await expect(page.getByRole('heading', { level: 1, name: "Documents de l'usager" })).toBeVisible();
  await expect(page.getByText('Le dossier de numérisation est surveillé')).toBeVisible();
  await page.getByLabel('Démarche dont les pièces sont rattachées').selectOption('cg-changement-adresse');

  // The counter's scanner writes its file into the folder.
  const file = join(scansOf(station.dataDir), 'SCAN_0001.jpg');
  writeFileSync(file, await smallDocument('Facture EDF'));

  const card = page.getByTestId('scan-import').filter({ hasText: 'SCAN_0001.jpg' });
  await expect(card.getByRole('img', { name: 'Miniature de SCAN_0001.jpg' })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText(/Prêt à envoyer/)).toBeVisible();
  expect(existsSync(file)).toBe(false);

  await card.getByLabel('Pièce').selectOption('justificatif-domicile');
  const group = page.getByTestId('scan-group-justificatif-domicile');
  await expect(group.getByRole('img', { name: 'Miniature de SCAN_0001.jpg' })).toBeVisible();
  await expectAccessible(page);

  await card.getByRole('button', { name: "Pivoter d'un quart de tour" }).click();
  await card.getByRole('button', { name: 'Agrandir' }).click();
  await expect(page.getByRole('img', { name: /Page 1 de SCAN_0001.jpg/ })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer' }).click();
});

test('a file refused by content says why, in French, naming the file', async ({ page, station }) => {
  await startSession(page, station);
  await goToSessionScreen(page, 'Pièces');
  await page.getByLabel('Fichiers à importer').setInputFiles({
    name: 'lettre.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('Ceci est une lettre, pas une image.\n'),
  });
  await expect(page.getByText(/Le fichier « lettre\.jpg » n'est pas un scan/).first()).toBeVisible();
});

test('a file dragged and dropped onto the panel is imported', async ({ page, station }) => {
  await startSession(page, station);
  await goToSessionScreen(page, 'Pièces');
  const bytes = [...(await smallDocument('Glissé'))];
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], 'glisse.jpg', { type: 'image/jpeg' }));
    return transfer;
  }, bytes);
  await page.getByTestId('scan-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('img', { name: 'Miniature de glisse.jpg' })).toBeVisible({ timeout: 20_000 });
});

test('the référent tests the scan folder', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Scanner' }).click();
  await expect(page.getByLabel('Dossier de numérisation')).toHaveValue(scansOf(station.dataDir));
  await page.getByRole('button', { name: 'Tester le dossier' }).click();
  await expect(page.getByText('Le dossier convient.')).toBeVisible();
  await page.getByLabel('Dossier de numérisation').fill(join(station.dataDir, 'absent'));
  await page.getByRole('button', { name: 'Tester le dossier' }).click();
  await expect(page.getByText('Le dossier ne convient pas.')).toBeVisible();
  await expectAccessible(page);
});
