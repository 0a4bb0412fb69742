import { describe, expect, it } from 'vitest';
import { OPEN_GATE } from '../../main/access/gate';
import { createDispatch, type Handlers } from '../../main/dispatch';
import { CounterFault } from '../../main/errors';
import { silentLogger } from '../../main/log';
import { createServices } from '../../main/services';
import { useTempDir } from '../helpers/temp-dir';
import { TEST_PIN_COST } from '../helpers/seed-station';
import { stationDispatch } from '../helpers/station';

const tempDir = useTempDir();
const web = { transport: 'web' as const };

function station() {
  const services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: tempDir(),
    platform: { transport: 'web', appVersion: '1.2.3' },
    log: silentLogger,
  });
  return { services, dispatch: stationDispatch(services) };
}

describe('the contract at the dispatcher', () => {
  it('answers app.info with the station name read from SQLite', async () => {
    const { services, dispatch } = station();
    services.config.setSection('station', { name: 'Préfecture de la Moselle' });
    const result = await dispatch('app.info', undefined, web);
    expect(result).toEqual({
      ok: true,
      value: { version: '1.2.3', stationName: 'Préfecture de la Moselle', dataDir: services.dataDir, transport: 'web' },
    });
    services.close();
  });

  it('refuses an unknown channel and a bad payload with a French error value', async () => {
    const { services, dispatch } = station();
    const unknown = await dispatch('app.deleteEverything', undefined, web);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bad = await dispatch('app.info', { sneaky: true }, web);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/demande incorrecte/);
    services.close();
  });

  it('turns a fault into its code and message, and a crash into a generic message without stack', async () => {
    const handlers = {
      'app.info': () => {
        throw new CounterFault('printer_offline', "L'imprimante ne répond pas.");
      },
    } as unknown as Handlers;
    const faulty = await createDispatch(handlers, silentLogger, OPEN_GATE)('app.info', undefined, web);
    expect(faulty).toEqual({ ok: false, error: { code: 'printer_offline', message: "L'imprimante ne répond pas." } });

    const crashing = {
      'app.info': () => {
        throw new Error('secret at /home/usager/scan.pdf');
      },
    } as unknown as Handlers;
    const crashed = await createDispatch(crashing, silentLogger, OPEN_GATE)('app.info', undefined, web);
    expect(crashed.ok).toBe(false);
    expect(JSON.stringify(crashed)).not.toContain('scan.pdf');
  });

  it('strips reply fields the contract does not name, and refuses replies of the wrong shape', async () => {
    const leaky = {
      'app.info': () => ({ version: '1', stationName: 'S', dataDir: '/d', transport: 'web', pin: '123456' }),
    } as unknown as Handlers;
    const stripped = await createDispatch(leaky, silentLogger, OPEN_GATE)('app.info', undefined, web);
    expect(stripped.ok && stripped.value).toEqual({ version: '1', stationName: 'S', dataDir: '/d', transport: 'web' });

    const wrong = { 'app.info': () => ({ version: 1 }) } as unknown as Handlers;
    expect(await createDispatch(wrong, silentLogger, OPEN_GATE)('app.info', undefined, web)).toMatchObject({
      ok: false,
      error: { code: 'unexpected' },
    });
  });
});
