import { readFileSync } from 'node:fs';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { loadApp, typeAddress } from './helpers/navigation';
import { signIn, signInAsReferent } from './helpers/sign-in';

test.use({
  seed: {
    run: (dir) =>
      seedStation(dir, {
        mediators: [
          { pseudonym: 'Camille', pin: '482915' },
          { pseudonym: 'Lou', pin: '615283' },
        ],
        config: { station: { name: 'Sous-préfecture de Sarreguemines' } },
      }),
  },
});

test('a signed-in mediator is refused from the référent area, even with their own PIN', async ({ page, station }) => {
  await signIn(page, station);
  // A typed address never opens the référent area.
  await typeAddress(page, station, '#/referent');
  await expect(page).toHaveURL(/#\/referent\/connexion$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace référent : connexion');
  await expectAccessible(page);
  await page.getByLabel('Code du référent').fill('482915');
  await page.getByRole('button', { name: "Ouvrir l'espace référent" }).click();
  await expect(page.getByTestId('referent-sign-in-error')).toContainText('Code incorrect');
  await expectAccessible(page);
  await typeAddress(page, station, '#/referent');
  await expect(page).toHaveURL(/#\/referent\/connexion$/);
  await expect(page.getByRole('tab')).toHaveCount(0);
});

test('the sign-in screen lists the mediators and says how long to wait after 5 wrong PINs', async ({
  page,
  station,
}) => {
  await loadApp(page, station);
  await expect(page).toHaveURL(/#\/connexion$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du médiateur');
  await expect(page.getByRole('radio')).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Lou' }).check();
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('Votre code PIN').fill('0000');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText(`Il reste ${4 - i} essai`);
  }
  await page.getByLabel('Votre code PIN').fill('0000');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText(/bloqué pour le moment\. Réessayez dans (1 min|\d+ s)/);
  await page.getByLabel('Votre code PIN').fill('615283');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('bloqué');
  await expectAccessible(page);
});

test('the référent exports the configuration, and an invalid file is refused with the field named', async ({
  page,
  station,
}) => {
  await loadApp(page, station);
  await page.getByRole('link', { name: 'Espace référent' }).click();
  await signInAsReferent(page, station);
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Sauvegarde' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter la configuration' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^point-numerique-configuration-.*\.json$/);
  const text = readFileSync((await file.path())!, 'utf8');
  const json = JSON.parse(text) as { config: { station: { name: string }; printer: Record<string, unknown> } };
  expect(json.config.station.name).toBe('Sous-préfecture de Sarreguemines');
  expect(text).not.toContain('scrypt');
  await expectAccessible(page);

  json.config.printer.width = 'large';
  await page.locator('#config-file').setInputFiles({
    name: 'config.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(json)),
  });
  await expect(page.getByTestId('import-result')).toContainText('« Largeur du papier » (config.printer.width)');

  json.config.printer.width = 42;
  json.config.station.name = 'Poste importé';
  const upload = () =>
    page.locator('#config-file').setInputFiles({
      name: 'config.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
  // The import first shows what will change, field by field; « Annuler » changes nothing.
  await upload();
  const preview = page.getByRole('dialog', { name: "Vérifier avant d'importer" });
  await expect(preview).toBeVisible();
  const nameRow = preview.getByTestId('import-change').filter({ hasText: 'Nom du poste' });
  await expect(nameRow).toContainText('Sous-préfecture de Sarreguemines');
  await expect(nameRow).toContainText('Poste importé');
  await expect(preview.getByTestId('import-change').filter({ hasText: 'Largeur du papier' })).toContainText('42');
  await expectAccessible(page);
  await preview.getByRole('button', { name: 'Annuler' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('import-result')).toContainText("rien n'a été modifié");
  await page.getByRole('tab', { name: 'Poste' }).click();
  await expect(page.getByLabel('Nom du poste')).toHaveValue('Sous-préfecture de Sarreguemines');
  await page.getByRole('tab', { name: 'Sauvegarde' }).click();

  await upload();
  await preview.getByRole('button', { name: 'Importer ces changements' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('import-result')).toContainText('Configuration importée');
  await page.getByRole('tab', { name: 'Poste' }).click();
  await expect(page.getByLabel('Nom du poste')).toHaveValue('Poste importé');
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('combobox', { name: 'Événement' }).click();
  await page.getByRole('option', { name: 'Configuration importée' }).click();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByTestId('journal-table').locator('tbody tr')).toHaveCount(1);
  await expectAccessible(page);
});

test('the export with the codes asks the référent PIN again, and leaving the area closes it', async ({
  page,
  station,
}) => {
  await page.goto(`${station.url}#/connexion`);
  await page.getByRole('link', { name: 'Espace référent' }).click();
  await page.getByLabel('Code du référent').fill('24681357');
  await page.getByRole('button', { name: "Ouvrir l'espace référent" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent' })).toBeVisible();
  await page.getByRole('tab', { name: 'Sauvegarde' }).click();
  await page.getByRole('checkbox', { name: /Inclure les médiateurs/ }).check();
  const pin = page.getByLabel('Code du référent, pour exporter avec les codes');
  await pin.fill('13579024');
  await page.getByRole('button', { name: 'Exporter la configuration' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Code incorrect' })).toBeVisible();
  await expect(pin).toHaveValue('');
  await expectAccessible(page);
  await pin.fill('24681357');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter la configuration' }).click();
  const text = readFileSync((await (await download).path())!, 'utf8');
  expect(text).toContain('scrypt');

  // Leaving the area's screen (here the browser's back key, to the sign-in screen that was open before) closes it
  // in main: the sign-in screen stays and asks the PIN again instead of going back into the area.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent : connexion' })).toBeVisible();
  await expect(page.getByLabel('Code du référent')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/referent\/connexion$/);
});
