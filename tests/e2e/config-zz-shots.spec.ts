import { seedStation } from '../helpers/seed-station';
import { test } from './fixtures';
import { signInAsReferent } from './helpers/sign-in';
test.use({ seed: { run: (dir) => seedStation(dir, { mediators: [{ pseudonym: 'Camille', pin: '1234' }, { pseudonym: 'Lou', pin: '4242' }] }) } });
test('shots', async ({ page, station }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${station.url}#/connexion`);
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/a1-connexion.png', fullPage: true });
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Médiateurs' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/a1-mediateurs.png', fullPage: true });
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/a1-journal.png', fullPage: true });
});
