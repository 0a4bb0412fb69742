import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../main/log';
import type { Platform } from '../../../main/platform';
import { createServices } from '../../../main/services';
import type { Channel } from '../../../preload/api';
import { seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { stationCall } from '../../helpers/station';

const tempDir = useTempDir();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break an exported file on purpose
type ConfigJson = Record<string, any>;

async function openReferent(seed: Parameters<typeof seedStation>[1], platform: Partial<Platform> = {}) {
  const dir = tempDir();
  seedStation(dir, seed);
  const log = createFileLogger(dir, false);
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: dir,
    platform: { transport: 'web', appVersion: 't', ...platform },
    log,
  });
  const call = stationCall(services, { log });
  const signIn = await call('access.referentSignIn', { pin: seed?.referentPin ?? '24681357' });
  expect(signIn.ok).toBe(true);
  return { dir, services, call };
}

/** With the codes, the référent PIN is typed again (`pin`, the seeded one by default). */
async function exportText(
  call: (c: Channel, i?: unknown) => Promise<unknown>,
  includePins = false,
  pin = '24681357',
): Promise<string> {
  const input = includePins ? { includePins, referentPin: pin } : { includePins };
  const result = (await call('config.export', input)) as { ok: true; value: { text: string } };
  expect(result.ok).toBe(true);
  return result.value.text;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Call = (c: Channel, i?: unknown) => Promise<unknown>;

/** On a set-up station an import is a preview, then the référent's confirmation (the token of that preview). */
async function importVia(call: Call, input: unknown): Promise<Reply> {
  const preview = (await call('config.previewImport', input)) as
    { ok: true; value: { picked: boolean; token?: string } } | { ok: false; error: { code: string; message: string } };
  if (!preview.ok) return preview;
  if (!preview.value.picked) return { ok: true, value: { imported: false } };
  return (await call('config.applyImport', { token: preview.value.token })) as Reply;
}

describe('configuration export and import', () => {
  it('copies a setup from one counter to the next (round trip)', async () => {
    const source = await openReferent({
      config: {
        station: { name: 'Préfecture de la Moselle', type: 'prefecture', commune: 'Metz', departement: '57' },
        printer: { enabled: true, interface: 'tcp://10.0.0.9:9100', width: 42 },
        session: { idleMinutes: 8 },
        site: { extraHosts: ['auth.example.gouv.fr'] },
        survey: { enabled: false },
        retention: { months: 12 },
      },
    });
    const text = await exportText(source.call);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.format).toBe('point-numerique.configuration');
    expect(file).not.toHaveProperty('referentPinHash');
    expect((file as { contents?: string }).contents).toContain('ni médiateur, ni code');
    expect(file).not.toHaveProperty('mediators');
    expect(text).not.toMatch(/scrypt\$/);

    const target = await openReferent({ referentPin: '13579024', mediators: [] });
    const imported = await importVia(target.call, { text });
    expect(imported).toMatchObject({ ok: true, value: { imported: true, mediators: 0 } });
    expect(target.services.config.get()).toEqual(source.services.config.get());
    // The target keeps its own référent PIN when the file carries none.
    expect(target.services.access.store.referent()?.pinHash).toBeDefined();
    await target.call('access.referentSignOut');
    expect((await target.call('access.referentSignIn', { pin: '13579024' })).ok).toBe(true);
    expect(target.services.journal.list({ code: 'config.imported' })).toHaveLength(1);
    expect(source.services.journal.list({ code: 'config.exported' })).toHaveLength(1);
    source.services.close();
    target.services.close();
  });

  it('carries PIN hashes (never PINs) only when asked, and they work on the next counter', async () => {
    const source = await openReferent({
      mediators: [
        { pseudonym: 'Camille', pin: '482915' },
        { pseudonym: 'Lou', pin: '615283' },
      ],
    });
    const text = await exportText(source.call, true);
    expect(text).not.toContain('"1234"');
    expect(text).not.toContain('24681357');
    const file = JSON.parse(text) as { mediators: Array<{ pseudonym: string }>; referentPinHash: string };
    expect(file.mediators.map((m) => m.pseudonym)).toEqual(['Camille', 'Lou']);
    expect(file.referentPinHash).toMatch(/^scrypt\$/);
    expect((file as { contents?: string }).contents).toContain('empreintes scrypt des codes');

    const target = await openReferent({ referentPin: '13579024', mediators: [{ pseudonym: 'Lou', pin: '0000' }] });
    expect(await importVia(target.call, { text })).toMatchObject({ ok: true, value: { mediators: 2 } });
    expect((await target.call('access.signIn', { pseudonym: 'Lou', pin: '615283' })).ok).toBe(true);
    await target.call('access.signOut');
    expect((await target.call('access.signIn', { pseudonym: 'Camille', pin: '482915' })).ok).toBe(true);
    await target.call('access.referentSignOut');
    expect((await target.call('access.referentSignIn', { pin: '24681357' })).ok).toBe(true);
    source.services.close();
    target.services.close();
  });

  const rejected: Array<[string, (file: ConfigJson) => unknown, RegExp]> = [
    [
      'a wrong type',
      (f) => ((f.config.printer.width = 'large'), f),
      /« Largeur du papier » \(config\.printer\.width\)/,
    ],
    [
      'a number out of range',
      (f) => ((f.config.session.idleMinutes = 500), f),
      /config\.session\.idleMinutes.*trop grand/,
    ],
    [
      'an unknown key in a section',
      (f) => ((f.config.printer.couleur = true), f),
      /« config\.printer\.couleur » est inconnu/,
    ],
    ['an unknown key at the top', (f) => ((f.sessions = []), f), /« sessions » est inconnu/],
    ['an unknown section', (f) => ((f.config.wifi = {}), f), /« config\.wifi » est inconnu/],
    [
      'a value outside the list',
      (f) => ((f.config.station.type = 'mairie'), f),
      /config\.station\.type.*valeur non permise/,
    ],
    ['a fake PIN hash', (f) => ((f.referentPinHash = '24681357'), f), /referentPinHash/],
    ['another kind of file', () => ({ hello: 'world' }), /n'est pas un fichier de configuration de Point numérique/],
  ];

  for (const [what, mutate, message] of rejected) {
    it(`refuses a file with ${what}, names the field in French and changes nothing`, async () => {
      const { services, call } = await openReferent({});
      const file = JSON.parse(await exportText(call)) as Record<string, unknown>;
      const before = services.config.get();
      const result = await importVia(call, { text: JSON.stringify(mutate(structuredClone(file))) });
      expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^config_file_/) } });
      if (!result.ok) {
        expect(result.error.message).toMatch(message);
        expect(result.error.message).toContain("Rien n'a été modifié");
      }
      expect(services.config.get()).toEqual(before);
      expect(services.journal.list({ code: 'config.imported' })).toHaveLength(0);
      services.close();
    });
  }

  it('accepts a file saved with a UTF-8 byte-order mark (Windows Notepad)', async () => {
    const source = await openReferent({ config: { station: { name: 'Modèle BOM' } } });
    const text = await exportText(source.call);
    source.services.close();
    const { services, call } = await openReferent({});
    expect(await importVia(call, { text: '\uFEFF' + text })).toMatchObject({ ok: true });
    expect(services.config.section('station').name).toBe('Modèle BOM');
    services.close();
  });

  it('refuses a file that is not JSON, and an oversized one (over 1 MB)', async () => {
    const { services, call } = await openReferent({});
    expect(await importVia(call, { text: 'station=Metz' })).toMatchObject({
      ok: false,
      error: { code: 'config_file_not_json' },
    });
    const big = JSON.stringify({ format: 'point-numerique.configuration', padding: 'x'.repeat(1024 * 1024) });
    const result = await importVia(call, { text: big });
    expect(result).toMatchObject({ ok: false, error: { code: 'config_file_too_big' } });
    if (!result.ok) expect(result.error.message).toContain('1 Mo');
    services.close();
  });

  it('uses the save and open dialogs of the desktop app when there are some', async () => {
    const dir = tempDir();
    const path = join(dir, 'picked.json');
    let saved = '';
    const { services, call } = await openReferent(
      {},
      {
        configFiles: {
          async save(name, text) {
            expect(name).toMatch(/^point-numerique-configuration-\d{4}-\d{2}-\d{2}\.json$/);
            saved = text;
            return true;
          },
          async open() {
            writeFileSync(path, saved.replace('"months": 24', '"months": 6'));
            return {
              bytes: Buffer.byteLength(saved),
              read: async () => (await import('node:fs')).readFileSync(path, 'utf8'),
            };
          },
        },
      },
    );
    const exported = await call('config.export', { includePins: false });
    expect(exported).toMatchObject({ ok: true, value: { saved: true } });
    expect(exported.ok && (exported.value as { text?: string }).text).toBeFalsy();
    expect(await importVia(call, {})).toMatchObject({ ok: true, value: { imported: true } });
    expect(services.config.section('retention').months).toBe(6);
    services.close();
  });
});

describe('installing a new counter from a file', () => {
  it('sets up a fresh station from a file that carries the référent PIN, and refuses one that does not', async () => {
    const source = await openReferent({ referentPin: '86420013', config: { station: { name: 'Modèle 57' } } });
    const withPins = await exportText(source.call, true, '86420013');
    const withoutPins = await exportText(source.call, false);
    source.services.close();

    const dir = tempDir();
    const log = createFileLogger(dir, false);
    const services = createServices({
      pinCost: TEST_PIN_COST,
      dataDir: dir,
      platform: { transport: 'web', appVersion: 't' },
      log,
    });
    const call = stationCall(services, { log });
    const refused = await call('config.import', { text: withoutPins });
    expect(refused).toMatchObject({ ok: false, error: { code: 'config_file_no_referent_pin' } });
    expect(services.access.isSetUp()).toBe(false);

    expect(await call('config.import', { text: withPins })).toMatchObject({ ok: true, value: { mediators: 1 } });
    expect(services.access.isSetUp()).toBe(true);
    expect(services.config.section('station').name).toBe('Modèle 57');
    expect(services.journal.list({ code: 'station.configured' })).toHaveLength(1);
    // From now on, importing needs the référent sign-in again.
    expect(await call('config.import', { text: withPins })).toMatchObject({
      ok: false,
      error: { code: 'referent_required' },
    });
    expect((await call('access.referentSignIn', { pin: '86420013' })).ok).toBe(true);
    services.close();
  });
});
