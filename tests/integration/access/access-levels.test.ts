/**
 * Every channel of the contract, in every sign-in state, through the real dispatcher and the real services (real
 * SQLite in a temp dir): a channel is refused with the contract's French refusal exactly when its access level
 * says so, and otherwise reaches its handler without an access refusal of its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACCESS_REFUSALS,
  channels,
  contract,
  type AccessLevel,
  type Channel,
  type CounterError,
  type Result,
} from '../../../preload/api';
import type { Dispatch } from '../../../main/dispatch';
import { silentLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { DEFAULT_MEDIATOR, DEFAULT_REFERENT_PIN, seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir('pn-access-');

const ID = '00000000-0000-4000-8000-000000000000';
const DAY = '2026-01-15';

/** A well-formed argument for each channel (so an admitted call reaches its handler), chosen to change nothing. */
const INPUTS: Record<Channel, unknown> = {
  'app.info': undefined,
  'app.confirmClose': { pin: '00000000', who: 'referent' },
  'config.get': undefined,
  'config.saveSections': { sections: { survey: { enabled: true } } },
  'config.listMediators': undefined,
  'config.addMediator': { pseudonym: 'Camille', pin: '5678' },
  'config.setMediatorActive': { id: 1, active: true },
  'config.resetMediatorPin': { id: 1, pin: DEFAULT_MEDIATOR.pin },
  'config.changeReferentPin': { pin: DEFAULT_REFERENT_PIN },
  'config.export': { includePins: false },
  'config.import': { text: '{}' },
  'config.previewImport': { text: '{}' },
  'config.applyImport': { token: 'unknown' },
  'config.resetFields': undefined,
  'access.status': undefined,
  'access.setup': { referentPin: '1', station: { name: 'Poste' } },
  'access.signIn': { pseudonym: 'Camille', pin: DEFAULT_MEDIATOR.pin },
  'access.signOut': undefined,
  'access.referentSignIn': { pin: DEFAULT_REFERENT_PIN },
  'access.referentSignOut': undefined,
  'access.referentActivity': undefined,
  'journal.list': {},
  'session.current': undefined,
  'session.start': undefined,
  'session.end': { reason: 'ended' },
  'session.activity': undefined,
  'session.extend': undefined,
  'survey.endOfSession': undefined,
  'survey.saveEndForm': {},
  'survey.progress': undefined,
  'survey.begin': undefined,
  'survey.decline': undefined,
  'survey.answer': { question: 'accueil', answer: 'satisfait' },
  'survey.exit': { pin: DEFAULT_MEDIATOR.pin },
  'survey.stats': { from: DAY, to: DAY },
  'survey.export': { kind: 'summary', from: DAY, to: DAY },
  'flow.catalog': {},
  'flow.demarche': { id: 'permis-duplicata' },
  'flow.orientations': undefined,
  'flow.start': { demarcheId: 'permis-duplicata' },
  'flow.list': undefined,
  'flow.answer': { key: ID, questionId: 'question', answerId: 'oui' },
  'flow.goToStep': { key: ID, index: 0 },
  'flow.markStep': { key: ID, stepId: 'etape', done: true },
  'flow.setPiece': { key: ID, pieceId: 'piece', status: 'present' },
  'flow.setNotes': { key: ID, notes: '' },
  'flow.setOutcome': { key: ID, outcome: { kind: 'abandonnee' } },
  'flow.setDraft': { key: ID, draft: null },
  'flow.remove': { key: ID },
  'flow.checkFormat': { kind: 'plaque', value: 'AB-123-CD' },
  'site.open': { url: 'https://ants.gouv.fr/' },
  'site.state': undefined,
  'site.setBounds': { x: 0, y: 0, width: 800, height: 600 },
  'site.command': { command: 'reload' },
  'site.close': undefined,
  'site.downloads': undefined,
  'site.printDownload': { id: ID },
  'site.chooseFiles': { ids: [] },
  'scan.list': undefined,
  'scan.importBytes': { name: 'scan.jpg', data: 'AAAA', source: 'pick' },
  'scan.pick': {},
  'scan.update': { id: ID, grayscale: true },
  'scan.move': { id: ID, direction: 'up' },
  'scan.merge': { ids: [ID, ID] },
  'scan.remove': { id: ID },
  'scan.thumbnail': { id: ID },
  'scan.preview': { id: ID },
  'scan.dismiss': { id: ID },
  'scan.waitingImport': { id: ID },
  'scan.waitingDelete': { id: ID },
  'scan.testFolder': { folder: '/nonexistent/scans' },
  'scanner.discover': undefined,
  'scanner.inspect': { address: '127.0.0.1:9' },
  'scanner.choose': { address: '127.0.0.1:9' },
  'scanner.forget': undefined,
  'scanner.state': undefined,
  'scanner.test': {},
  'scanner.scan': { source: 'platen' },
  'scanner.cancel': undefined,
  'print.preview': undefined,
  'print.status': undefined,
  'print.check': undefined,
  'print.cancel': undefined,
  'print.answer': { cameOut: false },
  'print.receipt': {},
  'print.a4': undefined,
  'print.testPage': undefined,
};

type State = 'notSetUp' | 'nobody' | 'mediator' | 'session' | 'referent' | 'mediatorAndReferent';
const STATES: State[] = ['notSetUp', 'nobody', 'mediator', 'session', 'referent', 'mediatorAndReferent'];

/**
 * What each level admits and what it answers otherwise, written out state by state (not computed by the code
 * under test). `session` is reached with the référent signed in before the accompaniment started: the start
 * closed the area, so the référent's channels must be refused there.
 */
const EXPECTED: Record<AccessLevel, Record<State, CounterError | 'admitted'>> = {
  public: {
    notSetUp: 'admitted',
    nobody: 'admitted',
    mediator: 'admitted',
    session: 'admitted',
    referent: 'admitted',
    mediatorAndReferent: 'admitted',
  },
  setup: {
    notSetUp: 'admitted',
    nobody: ACCESS_REFUSALS.referentClosed,
    mediator: ACCESS_REFUSALS.referentClosed,
    session: ACCESS_REFUSALS.referentDuringSession,
    referent: 'admitted',
    mediatorAndReferent: 'admitted',
  },
  signedIn: {
    notSetUp: ACCESS_REFUSALS.notSignedIn,
    nobody: ACCESS_REFUSALS.notSignedIn,
    mediator: 'admitted',
    session: 'admitted',
    referent: 'admitted',
    mediatorAndReferent: 'admitted',
  },
  mediator: {
    notSetUp: ACCESS_REFUSALS.notSignedIn,
    nobody: ACCESS_REFUSALS.notSignedIn,
    mediator: 'admitted',
    session: 'admitted',
    referent: ACCESS_REFUSALS.notSignedIn,
    mediatorAndReferent: 'admitted',
  },
  session: {
    notSetUp: ACCESS_REFUSALS.notSignedIn,
    nobody: ACCESS_REFUSALS.notSignedIn,
    mediator: ACCESS_REFUSALS.noSession,
    session: 'admitted',
    referent: ACCESS_REFUSALS.notSignedIn,
    mediatorAndReferent: ACCESS_REFUSALS.noSession,
  },
  referent: {
    notSetUp: ACCESS_REFUSALS.referentClosed,
    nobody: ACCESS_REFUSALS.referentClosed,
    mediator: ACCESS_REFUSALS.referentClosed,
    session: ACCESS_REFUSALS.referentDuringSession,
    referent: 'admitted',
    mediatorAndReferent: 'admitted',
  },
};

/** The codes of the access refusals: an admitted call must never answer one of them from its handler. */
const ACCESS_CODES = new Set<string>(Object.values(ACCESS_REFUSALS).map((refusal) => refusal.code));

interface Station {
  services: Services;
  dispatch: Dispatch;
}
const opened: Station[] = [];
afterAll(() => {
  for (const station of opened) station.services.close();
});

function open(seeded: boolean): Station {
  const dir = tempDir();
  if (seeded) seedStation(dir);
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: dir,
    platform: { transport: 'web', appVersion: 'test' },
    log: silentLogger,
  });
  const station = { services, dispatch: stationDispatch(services) };
  opened.push(station);
  return station;
}

/** Brings the station back to `state` through the services (a call may have signed out, ended the session…). */
async function enter({ services }: Station, state: State): Promise<void> {
  if (state === 'notSetUp') return;
  const { access, sessions } = services;
  const wantsMediator = state === 'mediator' || state === 'session' || state === 'mediatorAndReferent';
  const wantsReferent = state === 'referent' || state === 'mediatorAndReferent';
  if (state !== 'session' && sessions.current()) await sessions.end('ended');
  if (!wantsMediator && access.currentMediator()) await access.signOut();
  if (!wantsReferent && access.isReferent() && state !== 'session') access.referentSignOut();
  if (wantsMediator && !access.currentMediator()) await access.signIn('Camille', DEFAULT_MEDIATOR.pin);
  if (state === 'session' && !sessions.current()) {
    // The référent signs in first: the accompaniment starting must close the area.
    await access.referentSignIn(DEFAULT_REFERENT_PIN);
    sessions.start(access.currentMediator()!);
  }
  if (wantsReferent && !access.isReferent()) await access.referentSignIn(DEFAULT_REFERENT_PIN);
}

const web = { transport: 'web' as const };

describe('the access level of every channel', () => {
  it('names every channel of the contract in this test', () => {
    expect(Object.keys(INPUTS).sort()).toEqual([...channels].sort());
  });

  it('keeps the référent-only channels for the référent, and asks a sign-in for the format check', () => {
    for (const channel of channels) {
      const level = contract[channel].access;
      if (/^(config|journal)\./.test(channel) && channel !== 'config.import') expect(level, channel).toBe('referent');
    }
    expect(contract['config.import'].access).toBe('setup');
    const referentOnly = [
      'survey.stats',
      'survey.export',
      'scan.testFolder',
      'print.testPage',
      'scanner.choose',
    ] as const;
    for (const channel of referentOnly) {
      expect(contract[channel].access, channel).toBe('referent');
    }
    expect(contract['flow.checkFormat'].access).not.toBe('public');
  });

  for (const state of STATES) {
    it(`refuses or admits each channel as its level says, in the state "${state}"`, async () => {
      const station = open(state !== 'notSetUp');
      const seen: string[] = [];
      for (const channel of channels) {
        await enter(station, state);
        const result: Result<unknown> = await station.dispatch(channel, INPUTS[channel], web);
        const expected = EXPECTED[contract[channel].access][state];
        const where = `${channel} (${contract[channel].access}) in ${state}`;
        if (expected === 'admitted') {
          if (!result.ok) {
            expect(ACCESS_CODES.has(result.error.code), `${where}: ${result.error.code}`).toBe(false);
            // The sample argument is well-formed: the handler really ran.
            expect(result.error.code, where).not.toBe('bad_request');
          }
        } else {
          expect(result, where).toEqual({ ok: false, error: expected });
        }
        seen.push(channel);
      }
      expect(seen).toHaveLength(channels.length);
    }, 120_000);
  }
});
