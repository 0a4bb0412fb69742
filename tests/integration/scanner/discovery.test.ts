import Bonjour from 'bonjour-service';
import { afterEach, describe, expect, it } from 'vitest';
import { candidateFrom, discoverScanners } from '../../../main/scanner/discovery';

/**
 * A loopback DNS-SD responder: unicast to 127.0.0.1 on a private port (multicast off), so nothing leaves the
 * machine and no real network device answers.
 */
const LOOPBACK = { multicast: false, interface: '127.0.0.1', ip: '127.0.0.1', bind: '127.0.0.1' };

let responder: Bonjour | null = null;
afterEach(() => {
  responder?.destroy();
  responder = null;
});

describe('scanner discovery (DNS-SD _uscan._tcp / _uscans._tcp)', () => {
  it('finds a scanner announced by a loopback responder, with its model, path and UUID', async () => {
    const mdns = { ...LOOPBACK, port: 20000 + Math.floor(Math.random() * 20000) };
    responder = new Bonjour(mdns);
    responder.publish({
      name: 'Accueil MFP',
      type: 'uscan',
      port: 8080,
      host: 'accueil-mfp.local',
      txt: { rs: 'eSCL', UUID: '6F1C1D2E-0000-4000-8000-00000000A001', ty: 'Scanographe LX-300' },
      probe: false,
    });
    const found = await discoverScanners({ timeoutMs: 1500, mdns });
    expect(found).toContainEqual({
      name: 'Scanographe LX-300',
      address: 'http://127.0.0.1:8080/eSCL/',
      tls: false,
      uuid: '6f1c1d2e-0000-4000-8000-00000000a001',
    });
  });

  it('builds an HTTPS candidate from _uscans and refuses hostile announcements', () => {
    const base = { name: 'x', port: 443, host: 'mfp.local', addresses: ['192.168.1.30'], referer: undefined };
    expect(candidateFrom({ ...base, type: 'uscans', txt: { rs: '/eSCL/' } })).toEqual({
      name: 'x',
      address: 'https://192.168.1.30/eSCL/',
      tls: true,
      uuid: null,
    });
    expect(candidateFrom({ ...base, type: 'ipp', txt: {} })).toBeNull();
    expect(candidateFrom({ ...base, type: 'uscan', port: 0, txt: {} })).toBeNull();
    expect(candidateFrom({ ...base, type: 'uscan', txt: { rs: '../../admin?x' } })).toBeNull();
    expect(candidateFrom({ ...base, type: 'uscan', txt: { ty: 'Evil\u0000\u001b[31m name' } })!.name).toBe(
      'Evil[31m name',
    );
  });
});
