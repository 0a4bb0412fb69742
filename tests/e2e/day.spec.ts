/**
 * A counter's whole day (issue 16), through the screens only: the app is loaded once, then everything is clicks and
 * keys (tests/e2e/helpers/navigation.ts makes a later page.goto throw). At the end station.db is read back: each
 * session, journal row and survey answer belongs to the mediator who was signed in, and the référent's statistics
 * are the answers actually given.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startEscPosPeer, type EscPosPeer } from '../helpers/escpos-peer';
import { seedStation } from '../helpers/seed-station';
import {
  SATISFACTION_LABELS,
  SATISFACTION_LEVELS,
  SURVEY_ITEM_LABELS,
  SURVEY_ITEMS,
} from '../../preload/contract/survey';
import { expect, expectAccessible, test, type Station } from './fixtures';
import {
  answerSurvey,
  handOverToUsager,
  markPiece,
  printReceipt,
  saveOutcome,
  startDemarche,
  SURVEY_QUESTIONS,
  takeBackAfterSurvey,
  type SurveyPress,
} from './helpers/counter';
import { pressOn, tabTo } from './helpers/keyboard';
import { loadApp } from './helpers/navigation';
import { leaveReferentArea, signIn, signInAsReferent } from './helpers/sign-in';

const REFERENT_PIN = '13572468';
const CAMILLE = { pseudonym: 'Camille', pin: '482915' };
const LOU = { pseudonym: 'Lou', pin: '615283' };

/** What each usager's survey holds in the end (after "Retour", a reload…), item by item, as the buttons say. */
const FINAL_ANSWERS: Record<'usager1' | 'usager3' | 'usager4', SurveyPress[]> = {
  usager1: ['Très satisfait', 'Satisfait', 'Peu satisfait', 'Pas satisfait', 'Je ne sais pas', 'Très satisfait', 'Oui'],
  usager3: ['Pas satisfait', 'Pas satisfait', 'Très satisfait', null, 'Satisfait', 'Peu satisfait', 'Non'],
  usager4: ['Satisfait', 'Très satisfait', 'Pas satisfait', 'Satisfait', 'Très satisfait', 'Pas satisfait', 'Oui'],
};

let peer: EscPosPeer;
test.beforeAll(async () => {
  peer = await startEscPosPeer();
});
test.afterAll(async () => {
  await peer.close();
});

/** The first-start assistant of a fresh station, then the référent adds the day's two mediators. */
async function installStation(page: Page, station: Station): Promise<void> {
  await loadApp(page, station);
  await expect(page.getByRole('heading', { level: 1, name: 'Installation du poste' })).toBeVisible();
  await page.getByLabel('Nom du poste').fill('France Services de Bitche');
  await page.getByRole('radio', { name: 'France Services' }).check();
  await page.getByLabel('Commune').fill('Bitche');
  await page.getByLabel('Département (numéro)').fill('57');
  await page.getByRole('textbox', { name: 'Code du référent', exact: true }).fill(REFERENT_PIN);
  await page.getByLabel('Code du référent, une seconde fois').fill(REFERENT_PIN);
  await page.getByLabel('Une imprimante de tickets est branchée sur ce poste').check();
  await page.getByLabel("Adresse de l'imprimante").fill(peer.url);
  await page.getByRole('button', { name: 'Installer le poste' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace référent' })).toBeVisible();
  for (const mediator of [CAMILLE, LOU]) {
    await page.getByLabel('Pseudonyme').fill(mediator.pseudonym);
    await page.getByLabel('Code PIN du médiateur').fill(mediator.pin);
    await page.getByRole('button', { name: 'Ajouter le médiateur' }).click();
    await expect(page.getByRole('rowheader', { name: mediator.pseudonym })).toBeVisible();
  }
  await leaveReferentArea(page);
  await expect(page).toHaveURL(/#\/connexion$/);
}

/** On the mediator's home: "Commencer un accompagnement", ends on the catalog. */
async function startAccompaniment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Commencer un accompagnement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeFocused();
}

/** From a démarche screen back to the catalog by its own link. */
async function anotherDemarche(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Faire une autre démarche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir la démarche' })).toBeFocused();
}

/** The référent's statistics tab, as it shows the month. */
async function openStatistics(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Statistiques' })).toBeVisible();
}

const LEVEL_OF_LABEL = Object.fromEntries(SATISFACTION_LEVELS.map((level) => [SATISFACTION_LABELS[level], level]));
const RECOMMEND_OF_LABEL: Record<string, string> = { Oui: 'oui', Non: 'non', 'Je ne sais pas': 'ne_sait_pas' };

/** A survey_response row as the presses give it. */
function responseRow(presses: SurveyPress[]): Record<string, string | null> {
  const row: Record<string, string | null> = {};
  SURVEY_ITEMS.forEach((item, i) => (row[item] = presses[i] ? LEVEL_OF_LABEL[presses[i]!]! : null));
  row.recommend = presses[6] ? RECOMMEND_OF_LABEL[presses[6]]! : null;
  return row;
}

function readStation(station: Station) {
  const db = new Database(join(station.dataDir, 'station.db'), { readonly: true });
  try {
    return {
      sessions: db
        .prepare('SELECT id, mediator, receipt_printed, survey_answered, autonomy FROM survey_session ORDER BY id')
        .all() as Array<{ id: number; mediator: string } & Record<string, unknown>>,
      demarches: db
        .prepare('SELECT session_id, demarche_id, outcome FROM survey_session_demarche ORDER BY session_id, position')
        .all() as Array<{ session_id: number; demarche_id: string; outcome: string | null }>,
      responses: db
        .prepare(`SELECT demarche_id, ${SURVEY_ITEMS.join(', ')}, recommend FROM survey_response`)
        .all() as Array<{ demarche_id: string } & Record<string, string | null>>,
      journal: db.prepare('SELECT id, code, actor FROM journal ORDER BY id').all() as Array<{
        id: number;
        code: string;
        actor: string | null;
      }>,
    };
  } finally {
    db.close();
  }
}

test('a counter’s day: first start, two mediators in turn, four usagers, the référent between and at the end', async ({
  page,
  station,
}) => {
  test.setTimeout(240_000);
  await installStation(page, station);

  // Camille's morning. Usager 1: one démarche, filed, receipt printed, the whole survey answered.
  await signIn(page, station, CAMILLE.pseudonym, CAMILLE.pin);
  await expect(page.getByTestId('signed-in-mediator')).toHaveText('Médiateur : Camille');
  await startAccompaniment(page);
  await startDemarche(page, 'Titre de séjour : changement d’adresse ou de situation (ANEF)');
  await markPiece(page, 'titre-actuel', 'Présente');
  await markPiece(page, 'justificatif-domicile', 'Présente');
  await saveOutcome(page, 'Déposée', 'ANEF-2026-0001');
  await printReceipt(page);
  await handOverToUsager(page, 'Autonome');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await answerSurvey(page, FINAL_ANSWERS.usager1);
  await takeBackAfterSurvey(page, CAMILLE.pin);

  // Usager 2: three démarches in one accompaniment; declines the survey.
  await startAccompaniment(page);
  await startDemarche(page, 'Carte grise : véhicule reçu en héritage (succession)');
  await markPiece(page, 'justificatif-succession', 'Manquante');
  await saveOutcome(page, 'Incomplète');
  await anotherDemarche(page);
  await startDemarche(page, 'Carte grise : véhicule d’occasion immatriculé à l’étranger');
  await saveOutcome(page, 'Déposée', 'CG-77-2026');
  await anotherDemarche(page);
  await startDemarche(page, 'Permis de conduire : solde de points');
  await saveOutcome(page, 'Abandonnée');
  await anotherDemarche(page);
  await expect(page.getByRole('region', { name: 'Démarches de cet accompagnement' }).getByRole('listitem')).toHaveCount(
    3,
  );
  await handOverToUsager(page, 'Avec guidage');
  await page.getByRole('button', { name: 'Je ne veux pas répondre' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Merci !' })).toBeFocused();
  await takeBackAfterSurvey(page, CAMILLE.pin);

  // Camille hands over: "Changer de médiateur" leads to the sign-in screen, and the référent looks in.
  await page.getByRole('button', { name: 'Changer de médiateur' }).click();
  await expect(page).toHaveURL(/#\/connexion$/);
  await expect(page.getByTestId('signed-in-bar')).toHaveCount(0);
  await signInAsReferent(page, station, REFERENT_PIN);
  await openStatistics(page);
  await expect(page.getByTestId('stats-sessions')).toHaveText('2');
  await expect(page.getByTestId('stats-responses')).toHaveText('1');
  await leaveReferentArea(page);

  // Lou's afternoon. Usager 3 leaves the survey half-way: a reload, then the survey goes on where it was.
  await signIn(page, station, LOU.pseudonym, LOU.pin);
  await expect(page.getByTestId('signed-in-mediator')).toHaveText('Médiateur : Lou');
  await startAccompaniment(page);
  await startDemarche(page, 'Nationalité française : demande de naturalisation (ANEF)');
  await saveOutcome(page, 'Déposée', 'ANEF-2026-0003');
  await printReceipt(page);
  await handOverToUsager(page, 'Autonome avec guidage en cas de besoin');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await answerSurvey(page, FINAL_ANSWERS.usager3.slice(0, 2));
  await page.reload();
  await answerSurvey(page, FINAL_ANSWERS.usager3.slice(2), 2);
  await takeBackAfterSurvey(page, LOU.pin);

  // Usager 4: Lou asks "Se déconnecter" by mistake during the accompaniment and cancels; the usager changes an answer.
  await startAccompaniment(page);
  await startDemarche(page, 'Titre de séjour : renouvellement (ANEF)');
  await markPiece(page, 'code-ephoto', 'Manquante');
  await saveOutcome(page, 'Incomplète');
  const signOutButton = page.getByRole('button', { name: 'Se déconnecter' });
  await signOutButton.click();
  const confirm = page.getByRole('dialog', { name: 'Se déconnecter ?' });
  await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(signOutButton).toBeFocused();
  await handOverToUsager(page, 'Autonome');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await answerSurvey(page, ['Satisfait', 'Très satisfait', 'Satisfait']);
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(page.getByRole('button', { name: 'Satisfait', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Pas satisfait' }).click();
  await answerSurvey(page, FINAL_ANSWERS.usager4.slice(3), 3);
  await takeBackAfterSurvey(page, LOU.pin);
  await signOutButton.click();
  await expect(page).toHaveURL(/#\/connexion$/);

  // The référent at the end of the day reads the statistics.
  await signInAsReferent(page, station, REFERENT_PIN);
  await openStatistics(page);
  await expect(page.getByTestId('stats-sessions')).toHaveText('4');
  await expect(page.getByTestId('stats-responses')).toHaveText('3');
  const shown: Record<string, string[]> = {};
  for (const row of await page.getByTestId('satisfaction-table').locator('tbody tr').all()) {
    shown[(await row.getByRole('rowheader').textContent())!] = await row.getByRole('cell').allTextContents();
  }
  const outcomes = page.getByRole('table', { name: 'Résultat des démarches' });
  const outcomeCount = (label: string) => outcomes.getByRole('row', { name: label }).getByRole('cell');
  await expect(outcomeCount('Déposée')).toHaveText('3');
  await expect(outcomeCount('Incomplète')).toHaveText('2');
  await expect(outcomeCount('Abandonnée')).toHaveText('1');
  await leaveReferentArea(page);

  // station.db: each session and journal row carries the mediator who was signed in.
  const db = readStation(station);
  expect(db.sessions.map(({ id: _id, ...rest }) => rest)).toEqual([
    { mediator: 'Camille', receipt_printed: 1, survey_answered: 1, autonomy: 'autonome' },
    { mediator: 'Camille', receipt_printed: 0, survey_answered: 0, autonomy: 'entierement_accompagne' },
    { mediator: 'Lou', receipt_printed: 1, survey_answered: 1, autonomy: 'partiellement_autonome' },
    { mediator: 'Lou', receipt_printed: 0, survey_answered: 1, autonomy: 'autonome' },
  ]);
  const demarchesOf = (sessionId: number) =>
    db.demarches.filter((d) => d.session_id === sessionId).map((d) => [d.demarche_id, d.outcome]);
  expect(db.sessions.map((s) => demarchesOf(s.id))).toEqual([
    [['etrangers-changement-adresse', 'deposee']],
    [
      ['cg-succession', 'incomplete'],
      ['cg-vehicule-etranger', 'deposee'],
      ['permis-solde-points', 'abandonnee'],
    ],
    [['etrangers-naturalisation', 'deposee']],
    [['etrangers-titre-sejour-renouvellement', 'incomplete']],
  ]);

  const mediatorRows = db.journal.filter((row) => /^(mediator\.signed|session\.)/.test(row.code));
  expect(mediatorRows.map((row) => [row.code, row.actor])).toEqual([
    ['mediator.signed_in', 'Camille'],
    ['session.opened', 'Camille'],
    ['session.closed', 'Camille'],
    ['session.opened', 'Camille'],
    ['session.closed', 'Camille'],
    ['mediator.signed_out', 'Camille'],
    ['mediator.signed_in', 'Lou'],
    ['session.opened', 'Lou'],
    ['session.closed', 'Lou'],
    ['session.opened', 'Lou'],
    ['session.closed', 'Lou'],
    ['mediator.signed_out', 'Lou'],
  ]);
  // Every row written while a mediator was signed in names that mediator or the référent, nobody else.
  const [camilleIn, camilleOut, louIn, louOut] = mediatorRows
    .filter((row) => row.code.startsWith('mediator.signed'))
    .map((row) => row.id);
  for (const row of db.journal) {
    const during =
      row.id >= camilleIn! && row.id <= camilleOut! ? 'Camille' : row.id >= louIn! && row.id <= louOut! ? 'Lou' : null;
    if (row.actor && row.actor !== 'referent') expect(row, JSON.stringify(row)).toMatchObject({ actor: during });
  }
  expect(db.journal.filter((row) => row.code.startsWith('referent.')).every((row) => row.actor === 'referent')).toBe(
    true,
  );

  // Survey answers: one response per usager who answered, tied to their session by its first démarche (responses
  // carry no mediator and no order, by design), and nothing lost or overwritten by the reload or "Retour".
  const mediatorOfDemarche = (demarcheId: string) =>
    db.sessions.find((s) => demarchesOf(s.id)[0]?.[0] === demarcheId)?.mediator;
  const byDemarche = Object.fromEntries(db.responses.map(({ demarche_id, ...answers }) => [demarche_id, answers]));
  expect(byDemarche).toEqual({
    'etrangers-changement-adresse': responseRow(FINAL_ANSWERS.usager1),
    'etrangers-naturalisation': responseRow(FINAL_ANSWERS.usager3),
    'etrangers-titre-sejour-renouvellement': responseRow(FINAL_ANSWERS.usager4),
  });
  expect(db.responses.map((r) => mediatorOfDemarche(r.demarche_id)).sort()).toEqual(['Camille', 'Lou', 'Lou']);

  // The statistics the référent read are these answers: per item, every level's count and the opinions given.
  const given = Object.values(FINAL_ANSWERS).map(responseRow);
  for (const item of SURVEY_ITEMS) {
    const counts = SATISFACTION_LEVELS.map((level) => given.filter((r) => r[item] === level).length);
    const opinions = given.filter((r) => r[item] && r[item] !== 'ne_sait_pas').length;
    const label = SURVEY_ITEM_LABELS[item];
    expect(shown[label]!.slice(1), label).toEqual([String(opinions), ...counts.map(String)]);
  }
});

test.describe('the keyboard only', () => {
  test.use({
    seed: {
      run: (dataDir: string) =>
        seedStation(dataDir, {
          config: { printer: { enabled: true, interface: peer.url, width: 42, timeoutMs: 2000 } },
        }),
    },
  });

  test('the mediator’s part of the day with Tab, Shift+Tab, Enter, Space and arrows: no mouse at all', async ({
    page,
    station,
  }) => {
    const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
    const bar = page.getByRole('navigation', { name: 'Accompagnement en cours' });
    const piece = (id: string) => page.getByTestId(`piece-${id}`);
    await loadApp(page, station, '#/connexion');

    // Sign in: the only mediator is chosen already; the PIN, then Enter.
    await expect(page.getByRole('radio', { name: 'Camille' })).toBeChecked();
    await tabTo(page, page.getByLabel('Votre code PIN'));
    await page.keyboard.type('482915');
    await page.keyboard.press('Enter');
    await expect(h1('Bonjour Camille')).toBeFocused();

    await pressOn(page, page.getByRole('button', { name: 'Commencer un accompagnement' }));
    await expect(h1('Choisir la démarche')).toBeFocused();
    await page.keyboard.press('/');
    await page.keyboard.type('titre de sejour renouvellement');
    await pressOn(page, page.getByTestId('demarche-etrangers-titre-sejour-renouvellement').getByRole('button'));
    await expect(h1('Titre de séjour : renouvellement (ANEF)')).toBeFocused();

    // Pièces: Alt+C goes to the checklist; Space ticks "Présente", an arrow key moves a group to "Manquante".
    await page.keyboard.press('Alt+KeyC');
    await pressOn(page, piece('passeport').getByRole('radio', { name: 'Présente' }), 'Space');
    await expect(piece('passeport')).toHaveAttribute('data-status', 'present');
    await pressOn(page, piece('titre-actuel').getByRole('radio', { name: 'Présente' }), 'Space');
    await expect(piece('titre-actuel')).toHaveAttribute('data-status', 'present');
    await tabTo(page, piece('code-ephoto').getByRole('radio', { name: 'Présente' }));
    await page.keyboard.press('ArrowRight');
    await expect(piece('code-ephoto')).toHaveAttribute('data-status', 'manquant');

    // The outcome: Alt+R, the first choice is "Déposée", the numéro, Enter saves; the result has the focus.
    await page.keyboard.press('Alt+KeyR');
    await pressOn(page, page.getByRole('radio', { name: 'Déposée' }), 'Space');
    await tabTo(page, page.getByTestId('numero'));
    await page.keyboard.type('ANEF-2026-0042');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('outcome-saved')).toContainText('Résultat enregistré : Déposée');
    await expect(page.getByTestId('outcome-saved')).toBeFocused();

    // Back up to the session bar (Shift+Tab) for the receipt, printed with Enter.
    await pressOn(page, bar.getByRole('link', { name: 'Reçu' }), 'Enter', { back: true, max: 120 });
    await expect(h1('Reçu du point numérique')).toBeFocused();
    await pressOn(page, page.getByRole('button', { name: 'Imprimer', exact: true }));
    await expect(page.getByTestId('print-outcome')).toBeFocused();
    await expect(page.getByTestId('print-outcome')).toHaveText('Le reçu est imprimé. Donnez-le à la personne.');

    // The end form: arrows choose the autonomy, Enter hands the screen over.
    await pressOn(page, bar.getByRole('link', { name: "Terminer l'accompagnement" }), 'Enter', { back: true });
    await expect(h1("Fin de l'accompagnement")).toBeFocused();
    await tabTo(page, page.getByRole('radio', { name: 'Avec guidage', exact: true }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Autonome avec guidage en cas de besoin' })).toBeChecked();
    await pressOn(page, page.getByRole('button', { name: "Passer l'écran à l'usager" }));

    // The survey: Enter on each answer; the mediator's PIN and Enter end the accompaniment.
    await expect(page.getByRole('heading', { level: 2, name: 'Pouvez-vous nous donner votre avis ?' })).toBeFocused();
    await pressOn(page, page.getByRole('button', { name: 'Commencer' }));
    for (const [index, name] of [
      'Satisfait',
      'Très satisfait',
      'Satisfait',
      'Satisfait',
      'Peu satisfait',
      'Satisfait',
      'Oui',
    ].entries()) {
      await expect(page.getByRole('heading', { level: 2, name: SURVEY_QUESTIONS[index] })).toBeFocused();
      await pressOn(page, page.getByRole('button', { name, exact: true }));
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Merci !' })).toBeFocused();
    await pressOn(page, page.getByRole('button', { name: 'Le médiateur reprend la main' }));
    await expect(page.getByLabel('Code du médiateur')).toBeFocused();
    await page.keyboard.type('482915');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/accueil$/);

    await pressOn(page, page.getByRole('button', { name: 'Se déconnecter' }));
    await expect(h1('Connexion du médiateur')).toBeFocused();

    const db = readStation(station);
    expect(db.sessions.map(({ id: _id, ...rest }) => rest)).toEqual([
      { mediator: 'Camille', receipt_printed: 1, survey_answered: 1, autonomy: 'partiellement_autonome' },
    ]);
    expect(db.demarches.map((d) => [d.demarche_id, d.outcome])).toEqual([
      ['etrangers-titre-sejour-renouvellement', 'deposee'],
    ]);
    expect(db.responses).toHaveLength(1);
  });
});
