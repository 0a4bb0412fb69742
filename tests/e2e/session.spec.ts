import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContractSocket } from '../helpers/contract-socket';
import { seedStation } from '../helpers/seed-station';
import { makeUndeletable } from '../helpers/undeletable';
import { expect, expectAccessible, test, type Station } from './fixtures';
import { reloadAfterRestart, typeAddress } from './helpers/navigation';
import { signIn, startSession } from './helpers/sign-in';

test.use({ seed: { run: (dataDir: string) => seedStation(dataDir) } });

/** Calls the station's contract over its WebSocket, as a second screen of the same counter would. */
async function contract(station: Station, calls: Array<[string, unknown]>): Promise<unknown[]> {
  const socket = await ContractSocket.open(station.url);
  const results: unknown[] = [];
  try {
    for (const [channel, input] of calls) {
      const result = await socket.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      results.push(result.value);
    }
  } finally {
    socket.close();
  }
  return results;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('an accompaniment from start to end leaves nothing of the usager on screen, even after Back', async ({
  page,
  station,
}) => {
  const canary = `CANARI${randomUUID().slice(0, 8).toUpperCase()}`;
  await signIn(page, station);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Camille' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await page.waitForURL(/#\/demarches$/);
  const bar = page.getByRole('navigation', { name: 'Accompagnement en cours' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('link', { name: 'Pièces' })).toBeVisible();
  await expect(page.getByTestId('session-elapsed')).toContainText('Accompagnement depuis');

  // Fill: a démarche with notes and a numéro, and a scanned pièce, all carrying the canary.
  const [entry] = (await contract(station, [['flow.start', { demarcheId: 'permis-duplicata' }]])) as [{ key: string }];
  await contract(station, [
    ['flow.setNotes', { key: entry.key, notes: `Usager ${canary}` }],
    ['flow.setOutcome', { key: entry.key, outcome: { kind: 'deposee', numero: canary } }],
  ]);
  // Something of the usager on screen, in the renderer's memory: the page's own title and a marker.
  await page.evaluate((text) => {
    document.title = text;
    (window as unknown as Record<string, unknown>).usagerMarker = text;
  }, canary);

  await bar.getByRole('link', { name: "Terminer l'accompagnement" }).click();
  await page.waitForURL(/#\/fin$/);
  await page.getByRole('button', { name: /Terminer sans enquête|Terminer l'accompagnement/ }).click();

  // The page replaced itself (a new document: the marker is gone) and shows the wipe report on the home screen.
  await page.waitForURL(/#\/accueil$/);
  const report = page.getByTestId('wipe-report');
  await expect(report).toContainText("Les données de l'accompagnement précédent ont été effacées");
  await expect(report).toHaveAttribute('data-status', 'completed');
  await expect(report).toContainText('la vérification ne trouve plus rien');
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).usagerMarker)).toBeUndefined();
  await expect(page.getByTestId('session-bar')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(canary);
  await expectAccessible(page);

  // Back leads to no screen of the previous accompaniment.
  await page.goBack();
  await expect(page).toHaveURL(/#\/accueil$/);
  await expect(page.getByTestId('session-bar')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(canary);
  await page.goBack();
  await expect(page.getByTestId('session-bar')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(canary);
  expect(await page.title()).not.toContain(canary);

  // And on disk: no workspace left, no canary in any byte under the data dir.
  expect(readdirSync(join(station.dataDir, 'sessions'))).toEqual([]);
  for (const file of filesUnder(station.dataDir)) {
    expect(readFileSync(file).includes(Buffer.from(canary)), file).toBe(false);
  }
});

test.describe('idle warning', () => {
  // The shortest idle time the configuration allows: 3 minutes. A 5-minute warning is asked for, but a warning
  // lasts at most a third of the delay: it shows after 2 quiet minutes, for 60 seconds.
  test.use({
    seed: {
      run: (dataDir: string) =>
        seedStation(dataDir, { config: { session: { idleMinutes: 3, idleWarningSeconds: 300 } } }),
    },
  });

  test('takes the focus, "L\'usager est toujours là" gives two more quiet minutes, and nobody answering ends the accompaniment', async ({
    page,
    station,
  }) => {
    test.setTimeout(420_000);
    await startSession(page, station);
    const dialog = page.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' });
    await expect(dialog).toHaveCount(0);
    await expect(dialog).toBeVisible({ timeout: 130_000 });
    await expect(dialog).toContainText('secondes');
    const button = dialog.getByRole('button', { name: "L'usager est toujours là" });
    await expect(button).toBeFocused();
    await expectAccessible(page);
    await button.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('session-bar')).toBeVisible();
    // The focus is back where the mediator was (the page's h1 here), never at the top of the page.
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeFocused();
    // It does not come back at once (it did with 1 minute and a 60-second warning).
    await page.waitForTimeout(60_000);
    await expect(dialog).toHaveCount(0);

    // Nobody answers the next warning: the accompaniment ends by itself and the home screen says why.
    await expect(dialog).toBeVisible({ timeout: 70_000 });
    await page.waitForURL(/#\/accueil$/, { timeout: 70_000 });
    const report = page.getByTestId('wipe-report');
    await expect(report).toHaveAttribute('data-status', 'completed');
    await expect(report).toContainText("l'accompagnement s'est terminé tout seul");
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.getByTestId('session-bar')).toHaveCount(0);
  });
});

test('a folder the wipe cannot remove is named to the mediator in French, and no screen of the usager stays', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  // Another program left a folder in the workspace that Node cannot remove (tests/helpers/undeletable.ts).
  const [sessionId] = readdirSync(join(station.dataDir, 'sessions'));
  const locked = makeUndeletable(join(station.dataDir, 'sessions', sessionId!), 'verrou');
  try {
    await page.getByRole('link', { name: "Terminer l'accompagnement" }).click();
    await page.getByRole('button', { name: /Terminer sans enquête|Terminer l'accompagnement/ }).click();
    await page.waitForURL(/#\/accueil$/);
    const report = page.getByTestId('wipe-report');
    await expect(report).toHaveAttribute('data-status', 'failed');
    await expect(report).toContainText("L'effacement de l'accompagnement précédent n'est pas complet");
    await expect(report).toContainText(`sessions/${sessionId}`);
    await expect(report).toContainText('redémarrez le poste');
    await expect(page.getByTestId('session-bar')).toHaveCount(0);
    await expectAccessible(page);
  } finally {
    locked.release();
  }
});

test('after a crash of the station, the next start removes the workspace and the screen starts afresh', async ({
  page,
  station,
}) => {
  const canary = `CANARI${randomUUID().slice(0, 8).toUpperCase()}`;
  await startSession(page, station);
  const [entry] = (await contract(station, [['flow.start', { demarcheId: 'permis-duplicata' }]])) as [{ key: string }];
  await contract(station, [['flow.setNotes', { key: entry.key, notes: `Usager ${canary}` }]]);
  expect(readdirSync(join(station.dataDir, 'sessions'))).toHaveLength(1);

  await station.restart('SIGKILL');
  expect(readdirSync(join(station.dataDir, 'sessions'))).toEqual([]);
  for (const file of filesUnder(station.dataDir)) {
    expect(readFileSync(file).includes(Buffer.from(canary)), file).toBe(false);
  }
  // The restarted station is loaded again; a stale address of the killed session leads to the sign-in screen.
  await reloadAfterRestart(page, station);
  await typeAddress(page, station, '#/demarches');
  await expect(page).toHaveURL(/#\/connexion$/);
  await expect(page.getByTestId('session-bar')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(canary);

  // Signed in again, the mediator reads that the previous accompaniment was wiped at start-up, with the report.
  await signIn(page, station);
  const report = page.getByTestId('wipe-report');
  await expect(report).toHaveAttribute('data-status', 'completed');
  await expect(report).toContainText("L'accompagnement précédent a été effacé au démarrage.");
  await expect(report).toContainText(/(Aucun fichier|\d+ fichiers?) chiffrés? supprimés?\./);
  await expectAccessible(page);
  await expect(page.locator('body')).not.toContainText(canary);
});
