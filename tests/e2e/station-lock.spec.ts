import { openStationDb } from '../../main/db/open';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { signInAsReferent, startSession } from './helpers/sign-in';

test.use({ seed: { run: (dir) => seedStation(dir) } });

test('the référent locks the counter: kiosk mode, start at login and the A4 printer, saved in one go', async ({
  page,
  station,
}) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Poste' }).click();
  await expect(page.getByRole('heading', { name: 'Poste verrouillé' })).toBeVisible();
  await page.getByLabel(/Mode kiosque/).check();
  await page.getByLabel(/Ouvrir Point numérique à l'ouverture/).check();
  await page.getByLabel('Imprimante A4 du système (nom)').fill('Brother_HL_L2350DW');
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Poste verrouillé' }) });
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toBeVisible();
  await expectAccessible(page);

  const db = openStationDb(station.dataDir);
  try {
    const read = (key: string) =>
      JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value);
    expect(read('config.session')).toMatchObject({ kiosk: true, openAtLogin: true });
    expect(read('config.printer')).toMatchObject({ a4Printer: 'Brother_HL_L2350DW' });
  } finally {
    db.close();
  }
});

test('the window close button asks for a code in an accessible dialog, and "Ne pas fermer" leaves the counter as it was', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  const heading = page.getByRole('heading', { level: 1, name: 'Choisir la démarche' });
  await expect(heading).toBeVisible();
  station.pressWindowClose();
  const dialog = page.getByRole('dialog', { name: 'Fermer Point numérique ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Code du médiateur')).toBeFocused();
  await expectAccessible(page);

  await dialog.getByRole('radio', { name: 'Référent' }).check();
  await dialog.getByLabel('Code du référent').fill('24681357');
  await dialog.getByRole('button', { name: 'Fermer le poste' }).click();
  // Only the desktop app has a window to close; the browser host says so (the PIN check is main/app/handlers.ts).
  await expect(dialog.getByRole('alert')).toHaveText(
    "Ce poste n'a pas de fenêtre à fermer ici : fermez l'onglet du navigateur.",
  );
  await expectAccessible(page);

  await dialog.getByRole('button', { name: 'Ne pas fermer' }).click();
  await expect(dialog).toBeHidden();
  await expect(heading).toBeVisible();
});
