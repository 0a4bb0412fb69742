import type { Page } from '@playwright/test';
import { paperText, startEscPosPeer, type EscPosPeer } from '../helpers/escpos-peer';
import { seedStation } from '../helpers/seed-station';
import { expect, expectAccessible, test } from './fixtures';
import { goToSessionScreen, signInAsReferent, startSession } from './helpers/sign-in';

let peer: EscPosPeer;

test.beforeAll(async () => {
  peer = await startEscPosPeer();
});
test.beforeEach(() => peer.skipReceived());
test.afterAll(async () => {
  await peer.close();
});

test.use({
  seed: {
    run: (dataDir: string) =>
      seedStation(dataDir, {
        config: {
          station: { name: 'Sous-préfecture de Château-Thierry', type: 'sous-prefecture', contactPhone: '34 00' },
          printer: { enabled: true, interface: peer.url, width: 42, timeoutMs: 2000 },
        },
      }),
  },
});

/** Records a filed démarche in the running session through the contract (the flow screens are another feature). */
async function fileDemarche(page: Page, numero: string): Promise<void> {
  await page.evaluate(async (numero) => {
    const socket = new WebSocket(`ws://${location.host}/ws`);
    await new Promise((done) => socket.addEventListener('open', done, { once: true }));
    let id = 0;
    const callChannel = (channel: string, input: unknown) =>
      new Promise<{ ok: boolean; value?: { key: string }; error?: unknown }>((resolve) => {
        const mine = ++id;
        const listen = (event: MessageEvent) => {
          const message = JSON.parse(String(event.data)) as { t: string; id: number; result: never };
          if (message.t === 'reply' && message.id === mine) {
            socket.removeEventListener('message', listen);
            resolve(message.result);
          }
        };
        socket.addEventListener('message', listen);
        socket.send(JSON.stringify({ t: 'call', id: mine, channel, input }));
      });
    const started = await callChannel('flow.start', { demarcheId: 'cg-changement-titulaire' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const outcome = await callChannel('flow.setOutcome', {
      key: started.value!.key,
      outcome: { kind: 'deposee', numero },
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    socket.close();
  }, numero);
}

test('shows the receipt exactly as it prints, then prints it on the network printer once', async ({
  page,
  station,
}) => {
  await startSession(page, station);
  await fileDemarche(page, 'CIM-2611-4F7Q2');

  await goToSessionScreen(page, 'Reçu');
  await expect(page.getByRole('heading', { level: 1, name: 'Reçu pour la personne' })).toBeVisible();
  const preview = page.getByRole('region', { name: 'Aperçu du reçu' });
  await expect(preview).toContainText('Numéro de demande : CIM-2611-4F7Q2');
  await expect(preview).toContainText('Sous-préfecture de Château-Thierry');
  await expect(preview).toHaveAttribute('data-width', '42');
  await expect(page.getByText('Imprimante prête')).toBeVisible();
  await expectAccessible(page);

  const shown = await page.getByTestId('receipt-line').allTextContents();
  for (const line of shown) expect(line.length).toBeLessThanOrEqual(42);
  expect(shown.join(' ').replace(/\s+/g, ' ')).toContain("Ce n'est pas l'accusé de réception de l'administration");
  const qr = await page.getByTestId('receipt-qr').getAttribute('data-payload');

  const jobsBefore = peer.jobs.length;
  const print = page.getByRole('button', { name: 'Imprimer', exact: true });
  await print.dblclick();
  await expect(page.getByTestId('print-outcome')).toHaveText('Le reçu est imprimé. Donnez-le à la personne.');
  const job = await peer.nextJob();
  const paper = paperText(job.decoded).filter((line) => !line.startsWith('[QR]'));
  expect(paper).toEqual(shown);
  expect(job.decoded.qr).toEqual(qr ? [qr] : []);
  expect(job.decoded.cuts).toBe(1);
  expect(peer.jobs.length).toBe(jobsBefore + 1);

  // A reprint is a separate, explicit action.
  await expect(page.getByRole('button', { name: 'Réimprimer' })).toBeVisible();
  await expectAccessible(page);
});

test('offers a retry and the A4 PDF when the printer refuses', async ({ page, station }) => {
  await startSession(page, station);
  await peer.set({ mode: 'refuse' });
  try {
    await goToSessionScreen(page, 'Reçu');
    await expect(page.getByTestId('printer-state')).toContainText('refuse la connexion');
    await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    await expect(page.getByTestId('print-outcome')).toContainText("Rien n'a été imprimé");
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Imprimer en A4 (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe('recu-point-numerique.pdf');
    await expectAccessible(page);
  } finally {
    await peer.set({ mode: 'normal' });
  }
  // Once the printer is back, the receipt still prints (the A4 PDF did not count as printed in the browser).
  await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
  await expect(page.getByTestId('print-outcome')).toHaveText('Le reçu est imprimé. Donnez-le à la personne.');
});

test('lets the référent set the printer up, see its state live and print a test page', async ({ page, station }) => {
  await signInAsReferent(page, station);
  await page.getByRole('tab', { name: 'Imprimante' }).click();
  await expect(page.getByRole('heading', { name: 'Imprimante de reçus' })).toBeVisible();
  await expect(page.getByTestId('printer-live-state')).toContainText('Imprimante prête');
  await expect(page.getByLabel('Adresse réseau')).toHaveValue(peer.url.replace('tcp://', ''));
  await page.getByRole('combobox', { name: 'Largeur du papier' }).click();
  await page.getByRole('option', { name: '58 mm – 32 colonnes' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  await expectAccessible(page);

  const jobsBefore = peer.jobs.length;
  await page.getByRole('button', { name: 'Imprimer une page de test' }).click();
  await expect(page.getByText('Page de test envoyée.')).toBeVisible();
  const job = await peer.nextJob();
  expect(peer.jobs.length).toBe(jobsBefore + 1);
  const paper = paperText(job.decoded);
  expect(paper).toContain('12345678901234567890123456789012');
  expect(paper.join(' ')).toContain("é è ê à ç ù ô î œ « » € '");

  // The printer goes away: the live state says so within a few seconds.
  await peer.set({ mode: 'refuse' });
  try {
    await expect(page.getByTestId('printer-live-state')).toContainText('refuse la connexion', { timeout: 15_000 });
  } finally {
    await peer.set({ mode: 'normal' });
  }
});
