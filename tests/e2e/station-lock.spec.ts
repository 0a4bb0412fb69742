import { openStationDb } from '../../main/db/open';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { signInAsReferent } from './helpers/sign-in';

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
