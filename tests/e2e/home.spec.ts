import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigStore } from '../../main/config/config-store';
import { Settings } from '../../main/config/settings';
import { openStationDb } from '../../main/db/open';
import { expect, expectAccessible, test } from './fixtures';
import { loadApp } from './helpers/navigation';

test.describe('home screen', () => {
  test.use({
    seed: {
      run: (dataDir: string) => {
        const db = openStationDb(dataDir);
        new ConfigStore(new Settings(db)).setSection('station', { name: 'Sous-préfecture de Sarreguemines' });
        db.close();
      },
    },
  });

  test('shows the station name read from station.db through the contract', async ({ page, station }) => {
    await loadApp(page, station);
    await expect(page.getByTestId('station-name')).toHaveText('Sous-préfecture de Sarreguemines');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectAccessible(page);
  });
});

test.describe('damaged database', () => {
  test.use({
    seed: {
      run: (dataDir: string) => {
        writeFileSync(join(dataDir, 'station.db'), Buffer.alloc(8192, 0x42));
      },
    },
  });

  test('shows a French error screen and leaves the file as it was', async ({ page, station }) => {
    await loadApp(page, station);
    const alert = page.getByTestId('startup-error');
    await expect(alert).toContainText('endommagée');
    await expect(alert).toHaveAttribute('data-code', 'db_damaged');
    await expectAccessible(page);
    expect(() =>
      new Database(join(station.dataDir, 'station.db'), { readonly: true }).pragma('integrity_check'),
    ).toThrow();
  });
});
