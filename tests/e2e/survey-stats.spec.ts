import { readFileSync } from 'node:fs';
import { openStationDb } from '../../main/db/open';
import { seedStation } from '../helpers/seed-station';
import { logSession } from '../integration/survey/seed-log';
import { parseCsv } from '../unit/survey/parse-csv';
import { expect, expectAccessible, test } from './fixtures';
import { signInAsReferent } from './helpers/sign-in';

const pad = (n: number) => String(n).padStart(2, '0');
const today = new Date();
const day = (d: number) => `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(d)}`;

test.use({
  seed: {
    run: (dataDir: string) => {
      seedStation(dataDir);
      const db = openStationDb(dataDir);
      logSession(db, {
        day: day(1),
        minutes: 20,
        form: { autonomy: 'autonome' },
        demarches: [{ demarcheId: 'permis-renouvellement', outcome: 'deposee' }],
        answers: { accueil: 'tres_satisfait', information: 'satisfait' },
        recommend: 'oui',
      });
      logSession(db, {
        day: day(2),
        minutes: 40,
        demarches: [{ demarcheId: 'cg-changement-titulaire', category: 'carte-grise', outcome: 'incomplete' }],
        answers: { accueil: 'peu_satisfait', information: 'ne_sait_pas' },
      });
      db.close();
    },
  },
});

test('the référent reads the month’s figures as charts and tables and exports them', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Statistiques' })).toBeVisible();
  await expect(page.getByTestId('stats-sessions')).toHaveText('2');
  await expect(page.getByTestId('stats-median')).toHaveText('30 min');
  const accueil = page.getByTestId('satisfaction-table').getByRole('row', { name: /Accueil/ });
  await expect(accueil.getByRole('cell').first()).toHaveText('50 %');
  // The log keeps catalog identifiers; the screen shows the catalog's titles.
  await expect(page.getByTestId('demarche-table')).toContainText('Permis de conduire : renouvellement');
  await expectAccessible(page);

  await page.getByRole('combobox', { name: 'Démarche' }).click();
  await page.getByRole('option', { name: 'Permis de conduire : renouvellement' }).click();
  await expect(page.getByTestId('stats-sessions')).toHaveText('1');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Journal des accompagnements (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^journal-accompagnements_.*_permis-renouvellement\.csv$/);
  const { bom, rows } = parseCsv(readFileSync(await file.path(), 'utf8'));
  expect(bom).toBe(true);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('permis-renouvellement');
  await expect(page.getByRole('status')).toContainText('Fichier téléchargé');
});
