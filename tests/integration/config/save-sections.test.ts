import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../preload/api';
import { createFileLogger } from '../../../main/log';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation, stationCall } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

async function openAsReferent() {
  const dir = tempDir();
  seedStation(dir);
  const log = createFileLogger(dir, false);
  const services = openTestStation(dir, { log });
  const call = stationCall(services, { log });
  expect((await call('access.referentSignIn', { pin: '24681357' })).ok).toBe(true);
  return { services, call };
}

/** The delays panel's save: three sections in one call. */
const DELAYS = { session: { idleMinutes: 7 }, survey: { enabled: false }, retention: { months: 12 } };

describe('config.saveSections', () => {
  it('saves several sections in one call and returns the whole configuration as stored', async () => {
    const { services, call } = await openAsReferent();
    const result = await call('config.saveSections', { sections: DELAYS });
    expect(result).toMatchObject({
      ok: true,
      value: {
        session: { idleMinutes: 7, idleWarningSeconds: CONFIG_DEFAULTS.session.idleWarningSeconds },
        survey: { enabled: false, askRecommendation: true },
        retention: { months: 12 },
        station: { name: 'Point numérique de test' },
      },
    });
    expect(services.config.section('retention').months).toBe(12);
    const changed = services.journal.list({ code: 'config.changed' }).map((entry) => entry.details.section);
    expect(changed.sort()).toEqual(['retention', 'session', 'survey']);
    services.close();
  });

  it('writes nothing when one of the sections is wrong, and names the field in French', async () => {
    const { services, call } = await openAsReferent();
    const result = await call('config.saveSections', {
      sections: { ...DELAYS, retention: { months: 0 } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } });
    if (!result.ok) expect(result.error.message).toContain('« Durée de conservation (mois) » (retention.months)');
    expect(services.config.section('session').idleMinutes).toBe(CONFIG_DEFAULTS.session.idleMinutes);
    expect(services.config.section('survey').enabled).toBe(true);
    services.close();
  });

  it('rolls the earlier sections back when SQLite refuses a later write (one transaction)', async () => {
    const { services, call } = await openAsReferent();
    // A real write failure in the middle of the save: SQLite aborts the third row.
    services.db.exec(`CREATE TRIGGER refuse_retention BEFORE INSERT ON settings WHEN NEW.key = 'config.retention'
      BEGIN SELECT RAISE(ABORT, 'disk refused'); END`);
    const result = await call('config.saveSections', { sections: DELAYS });
    expect(result.ok).toBe(false);
    expect(services.config.section('session').idleMinutes).toBe(CONFIG_DEFAULTS.session.idleMinutes);
    expect(services.config.section('survey').enabled).toBe(true);
    expect(services.journal.list({ code: 'config.changed' })).toHaveLength(0);
    services.close();
  });

  it('refuses an unknown section and a section that is not a group of fields', async () => {
    const { services, call } = await openAsReferent();
    expect(await call('config.saveSections', { sections: { printers: { enabled: true } } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await call('config.saveSections', { sections: { survey: 'off' } })).toMatchObject({ ok: false });
    expect(services.config.section('survey').enabled).toBe(true);
    services.close();
  });
});
