import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../main/app/resources-dir';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { signInAsReferent, startSession } from './helpers/sign-in';

/**
 * Issue 17: what the mediator and the référent see of the configuration guard. A local démarche carrying an
 * official title is badged « local » in the catalog and on its screen; a bad stored field is reset alone and the
 * référent area says which one and why.
 */
const official = JSON.parse(readFileSync(join(resourcesDir(), 'demarches', 'permis-duplicata.json'), 'utf8')) as {
  id: string;
  title: string;
};

test.use({
  seed: {
    run(dataDir: string) {
      seedStation(dataDir, {
        config: {
          printer: { enabled: true, interface: 'tcp://10.0.0.7:9100' },
          demarches: { local: [{ ...official, id: 'permis-duplicata-prefecture' }] },
        },
      });
      // One stored field broken straight in station.db (an old version, a hand edit).
      const db = new Database(join(dataDir, 'station.db'));
      const row = db.prepare("SELECT value FROM settings WHERE key = 'config.printer'").get() as { value: string };
      const printer = JSON.parse(row.value) as Record<string, unknown>;
      printer.width = 'large';
      db.prepare("UPDATE settings SET value = ? WHERE key = 'config.printer'").run(JSON.stringify(printer));
      db.close();
    },
  },
});

test('a local démarche with an official title is badged local in the catalog and on its screen', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeVisible();
  await page.getByTestId('catalog-search').fill('duplicata');
  const local = page.getByTestId('demarche-permis-duplicata-prefecture');
  await expect(local).toContainText(official.title);
  await expect(local).toContainText('Démarche locale');
  await expect(page.getByTestId(`demarche-${official.id}`)).not.toContainText('Démarche locale');
  await expectAccessible(page);
  await local.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: official.title })).toBeVisible();
  await expect(page.getByTestId('local-badge')).toContainText('pas une fiche officielle');
  await expectAccessible(page);
  // Back to the list: the session's démarche says it is the local one, whatever the search.
  await page.keyboard.press('Alt+D');
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeVisible();
  const session = page.getByRole('region', { name: 'Démarches de cet accompagnement' });
  await expect(session.getByRole('listitem').filter({ hasText: official.title })).toContainText('Démarche locale');
});

test('the référent area says which stored field was reset and why, never its value', async ({ page, station }) => {
  await signInAsReferent(page, station);
  const notice = page.getByTestId('reset-fields');
  await expect(notice).toContainText('« Largeur du papier »');
  await expect(notice).toContainText('a repris sa valeur par défaut');
  await expect(notice).not.toContainText('large');
  await expectAccessible(page);
});

test('the référent sets the largest download from the official site, within its range', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Site officiel' }).click();
  const size = page.getByLabel("Taille maximale d'un fichier téléchargé depuis le site (Mo)");
  await expect(size).toHaveValue('20');
  const form = page.locator('form').filter({ has: size });
  await size.fill('500');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('200');
  await size.fill('5');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toBeVisible();
  await expectAccessible(page);

  const db = new Database(join(station.dataDir, 'station.db'), { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'config.site'").get() as { value: string };
    expect(JSON.parse(row.value)).toMatchObject({ maxDownloadMegabytes: 5 });
  } finally {
    db.close();
  }
});
