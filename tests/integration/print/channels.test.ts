import { afterEach, describe, expect, it } from 'vitest';
import { startEscPosPeer, type EscPosPeer } from '../../helpers/escpos-peer';
import { DEFAULT_MEDIATOR } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { openPrintStation, type PrintStation } from './station';
import { stationCall } from '../../helpers/station';

const tempDir = useTempDir();
let peer: EscPosPeer | undefined;
let station: PrintStation | undefined;

afterEach(async () => {
  await station?.close();
  await peer?.close();
  station = peer = undefined;
});

describe('print channels', () => {
  it('keeps the test page for the référent, and answers the rest through the contract', async () => {
    peer = await startEscPosPeer();
    station = openPrintStation(tempDir(), { interface: peer.url }, []);
    const call = stationCall(station.services);

    // Through the contract the accompaniment belongs to a signed-in mediator (access level `session`).
    await station.services.sessions.end('ended');
    await station.services.access.signIn('Camille', DEFAULT_MEDIATOR.pin);
    expect((await call('session.start')).ok).toBe(true);

    const test = await call('print.testPage');
    expect(test).toMatchObject({ ok: false, error: { code: 'referent_required' } });
    expect(peer.jobs).toHaveLength(0);

    const preview = await call('print.preview');
    expect(preview.ok).toBe(true);
    const status = await call('print.check');
    expect(status).toMatchObject({ ok: true, value: { enabled: true, connected: true, a4: 'download' } });
    const printed = await call('print.receipt', { reprint: false });
    expect(printed).toMatchObject({ ok: true, value: { result: 'printed' } });
    expect(await call('print.receipt', { reprint: 'oui' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });
});
