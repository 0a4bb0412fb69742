/**
 * Where the eyes are (issue 16, point 6; RGAA 12.x): on every page change the focus is on the page's h1, and after an
 * action (an outcome saved, a receipt printed or refused, a scan imported or deleted) on what it did, next to the
 * control. The idle warning's focus is checked in session.spec.ts, with the real idle timer.
 */
import { startEscPosPeer, type EscPosPeer } from '../helpers/escpos-peer';
import { seedStation } from '../helpers/seed-station';
import { smallDocument } from '../fixtures/scan/generate';
import { expect, expectAccessible, test } from './fixtures';
import { saveOutcome, startDemarche } from './helpers/counter';
import { loadApp } from './helpers/navigation';
import { goToSessionScreen } from './helpers/sign-in';

let peer: EscPosPeer;
test.beforeAll(async () => {
  peer = await startEscPosPeer();
});
test.afterAll(async () => {
  await peer.close();
});

test.use({
  seed: {
    run: (dataDir: string) =>
      seedStation(dataDir, { config: { printer: { enabled: true, interface: peer.url, width: 42, timeoutMs: 2000 } } }),
  },
});

test('every page change focuses its h1; every action focuses its result, next to the control', async ({
  page,
  station,
}) => {
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
  await loadApp(page, station, '#/connexion');
  await expect(h1('Connexion du médiateur')).toBeVisible();

  await page.getByRole('link', { name: 'Espace référent' }).click();
  await expect(h1('Espace référent : connexion')).toBeFocused();
  await page.getByRole('link', { name: "Retour à l'accueil du poste" }).click();
  await expect(h1('Connexion du médiateur')).toBeFocused();
  await page.getByLabel('Votre code PIN').fill('482915');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(h1('Bonjour Camille')).toBeFocused();
  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await expect(h1('Choisir la démarche')).toBeFocused();

  // A démarche: its screen's h1, then the saved outcome (saveOutcome checks that the result has the focus).
  await startDemarche(page, 'Nationalité française : demande de naturalisation (ANEF)');
  await saveOutcome(page, 'Déposée', 'ANEF-2026-0099');

  // Pièces: a file imported, looked at, then deleted. Each result takes the focus; the preview gives it back.
  await goToSessionScreen(page, 'Pièces');
  await expect(h1("Documents de l'usager")).toBeFocused();
  await page.getByLabel('Fichiers à importer').setInputFiles({
    name: 'facture.jpg',
    mimeType: 'image/jpeg',
    buffer: await smallDocument('Facture'),
  });
  const message = page.getByTestId('scan-message');
  await expect(message).toHaveText('Le document a été importé.');
  await expect(message).toBeFocused();
  const enlarge = page.getByRole('button', { name: 'Agrandir' });
  await enlarge.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  await expect(enlarge).toBeFocused();
  await page.getByRole('button', { name: 'Supprimer facture.jpg' }).click();
  await expect(message).toHaveText('« facture.jpg » est supprimé.');
  await expect(message).toBeFocused();
  await expect(page.getByTestId('scan-import')).toHaveCount(0);
  await goToSessionScreen(page, 'Démarches');
  await expect(h1('Choisir la démarche')).toBeFocused();

  // The receipt: a refusing printer's error, then the printed receipt, each focused where it is written.
  await goToSessionScreen(page, 'Reçu');
  await expect(h1('Reçu du point numérique')).toBeFocused();
  const outcome = page.getByTestId('print-outcome');
  await peer.set({ mode: 'refuse' });
  try {
    await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    await expect(outcome).toContainText("Rien n'a été imprimé");
    await expect(outcome).toBeFocused();
  } finally {
    await peer.set({ mode: 'normal' });
  }
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(outcome).toHaveText('Le reçu est imprimé. Donnez-le à la personne.');
  await expect(outcome).toBeFocused();

  // The end form, and "Changer de médiateur ?" (axe on the dialog; "Annuler" gives the focus back to the button).
  await page
    .getByRole('navigation', { name: 'Accompagnement en cours' })
    .getByRole('link', { name: "Terminer l'accompagnement" })
    .click();
  await expect(h1("Fin de l'accompagnement")).toBeFocused();
  const change = page.getByRole('button', { name: 'Changer de médiateur' });
  await change.click();
  const confirm = page.getByRole('dialog', { name: 'Changer de médiateur ?' });
  await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(change).toBeFocused();
  await change.click();
  await confirm.getByRole('button', { name: "Terminer l'accompagnement et changer de médiateur" }).click();
  await page.waitForURL(/#\/connexion$/);
  await expect(h1('Connexion du médiateur')).toBeVisible();
});
