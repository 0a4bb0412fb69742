import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../preload/api';
import { createFileLogger } from '../../../main/log';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation, stationCall } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function open(seed = true) {
  const dir = tempDir();
  if (seed) seedStation(dir, { config: { station: { name: 'Sous-préfecture de Test', departement: '57' } } });
  const log = createFileLogger(dir, false);
  const services = openTestStation(dir, { log });
  const call = stationCall(services, { log });
  return { dir, services, call };
}

const REFERENT_CHANNELS: Array<[Channel, unknown]> = [
  ['config.get', undefined],
  ['config.saveSections', { sections: { survey: { enabled: false } } }],
  ['config.listMediators', undefined],
  ['config.addMediator', { pseudonym: 'Intrus', pin: '1111' }],
  ['config.setMediatorActive', { id: 1, active: false }],
  ['config.resetMediatorPin', { id: 1, pin: '9999' }],
  ['config.changeReferentPin', { pin: '111111' }],
  ['config.export', { includePins: true }],
  ['config.import', { text: '{}' }],
  ['config.previewImport', { text: '{}' }],
  ['config.applyImport', { token: 'x' }],
  ['config.resetFields', undefined],
  ['journal.list', {}],
];

describe('référent channels', () => {
  it('covers every config.* and journal.* channel of the contract', () => {
    const guarded = channels.filter((c) => c.startsWith('config.') || c.startsWith('journal.'));
    expect(REFERENT_CHANNELS.map(([c]) => c).sort()).toEqual([...guarded].sort());
  });

  it('refuses every one of them to a signed-in mediator, in French', async () => {
    const { services, call } = open();
    expect((await call('access.signIn', { pseudonym: 'Camille', pin: '482915' })).ok).toBe(true);
    for (const [channel, input] of REFERENT_CHANNELS) {
      const result = await call(channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'referent_required' } });
      if (!result.ok) expect(result.error.message).toContain('code du référent');
    }
    // Nothing changed behind the refusals.
    expect(services.config.section('survey').enabled).toBe(true);
    expect(services.access.store.mediators()).toHaveLength(1);
    services.close();
  });

  it('opens them with the référent PIN, and closes them on sign-out', async () => {
    const { services, call } = open();
    expect((await call('access.referentSignIn', { pin: '24681357' })).ok).toBe(true);
    const config = await call('config.get');
    expect(config).toMatchObject({ ok: true, value: { station: { name: 'Sous-préfecture de Test' } } });
    expect(await call('config.saveSections', { sections: { survey: { enabled: false } } })).toMatchObject({
      ok: true,
      value: { survey: { enabled: false, askRecommendation: true }, station: { name: 'Sous-préfecture de Test' } },
    });
    const journal = await call('journal.list', { code: 'config.changed' });
    expect(journal).toMatchObject({
      ok: true,
      value: { entries: [{ code: 'config.changed', details: { section: 'survey' } }] },
    });
    await call('access.referentSignOut');
    expect(await call('config.get')).toMatchObject({ ok: false, error: { code: 'referent_required' } });
    services.close();
  });

  it('names the wrong field in French when a section is saved with a bad value', async () => {
    const { services, call } = open();
    await call('access.referentSignIn', { pin: '24681357' });
    const result = await call('config.saveSections', { sections: { session: { idleMinutes: 0 } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } });
    if (!result.ok) expect(result.error.message).toContain("« Délai d'inactivité (minutes) » (session.idleMinutes)");
    services.close();
  });

  it('runs the first-start assistant once, and only with a référent PIN of 8 digits or more', async () => {
    const { services, call } = open(false);
    expect(await call('access.status')).toMatchObject({ ok: true, value: { setUp: false, mediators: [] } });
    const station = {
      name: 'France Services de Bitche',
      type: 'france-services',
      commune: 'Bitche',
      departement: '57',
    };
    const short = await call('access.setup', { referentPin: '12345', station });
    expect(short).toMatchObject({ ok: false, error: { code: 'pin_format' } });
    expect(services.access.isSetUp()).toBe(false);
    const bad = await call('access.setup', { referentPin: '31415926', station: { ...station, type: 'mairie' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'config_invalid' } });
    expect(services.access.isSetUp()).toBe(false);
    const done = await call('access.setup', {
      referentPin: '31415926',
      station,
      printer: { enabled: true, interface: 'tcp://192.168.1.50:9100', width: 42 },
      scan: { folder: '/srv/scans' },
      session: { idleMinutes: 7 },
    });
    expect(done).toEqual({ ok: true, value: { ok: true } });
    expect(services.config.section('station').name).toBe('France Services de Bitche');
    expect(services.config.section('printer')).toMatchObject({ enabled: true, width: 42, type: 'epson' });
    expect(services.config.section('session').idleMinutes).toBe(7);
    expect(services.journal.list({ code: 'station.configured' })).toHaveLength(1);
    const again = await call('access.setup', { referentPin: '27182818', station });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    expect((await call('access.referentSignIn', { pin: '31415926' })).ok).toBe(true);
    services.close();
  });
});
