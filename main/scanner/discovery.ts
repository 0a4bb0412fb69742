import Bonjour, { type Service } from 'bonjour-service';
import { isIPv4 } from 'node:net';
import { parseScannerAddress } from './address';

/**
 * Scanners announced on the local network by DNS-SD: `_uscan._tcp` (eSCL over HTTP) and `_uscans._tcp` (over
 * HTTPS). The mDNS part stays thin (bonjour-service browses for a few seconds); what the référent sees is built
 * by `candidateFrom`, a pure function of the announcement. Nothing from the network is trusted as is: the
 * address is rebuilt and checked like a typed one, names are cut and stripped of control characters.
 */
export interface ScannerCandidate {
  name: string;
  address: string;
  tls: boolean;
  uuid: string | null;
}

/** What candidateFrom reads of a bonjour-service Service. */
export type Announcement = Pick<Service, 'name' | 'type' | 'port' | 'host' | 'addresses' | 'txt' | 'referer'>;

function txtValue(txt: unknown, key: string): string | null {
  if (!txt || typeof txt !== 'object') return null;
  for (const [name, value] of Object.entries(txt as Record<string, unknown>)) {
    if (name.toLowerCase() !== key) continue;
    const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : null;
    return text === null ? null : text.trim();
  }
  return null;
}

function printable(text: string, max: number): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .slice(0, max)
      .trim()
  );
}

export function candidateFrom(service: Announcement): ScannerCandidate | null {
  const tls = service.type === 'uscans';
  if (!tls && service.type !== 'uscan') return null;
  if (!Number.isInteger(service.port) || service.port <= 0 || service.port > 65535) return null;
  const ipv4 = (service.addresses ?? []).filter((address) => isIPv4(address));
  // The address that answered is reachable from here; otherwise the first announced IPv4, then the host name.
  const host = service.referer && isIPv4(service.referer.address) ? service.referer.address : (ipv4[0] ?? service.host);
  const resource = (txtValue(service.txt, 'rs') ?? 'eSCL').replace(/^\/+|\/+$/g, '') || 'eSCL';
  const checked = parseScannerAddress(`${tls ? 'https' : 'http'}://${host}:${service.port}/${resource}`);
  if (!checked.ok) return null;
  const uuid = txtValue(service.txt, 'uuid');
  const model = txtValue(service.txt, 'ty');
  return {
    name: printable(model || service.name || 'Scanner', 120) || 'Scanner',
    address: checked.base,
    tls,
    uuid: uuid && /^[0-9a-fA-F-]{8,64}$/.test(uuid) ? uuid.toLowerCase() : null,
  };
}

export interface DiscoveryOptions {
  timeoutMs?: number;
  /** multicast-dns options; tests pass a loopback-only setting so nothing leaves the machine. */
  mdns?: Record<string, unknown>;
}

/** Browses both service types for `timeoutMs`, then returns each scanner once (by address). */
export function discoverScanners(options: DiscoveryOptions = {}): Promise<ScannerCandidate[]> {
  return new Promise((resolve) => {
    const found = new Map<string, ScannerCandidate>();
    let bonjour: Bonjour;
    try {
      bonjour = new Bonjour(options.mdns ?? {}, () => undefined);
    } catch {
      resolve([]);
      return;
    }
    const add = (service: Service) => {
      const candidate = candidateFrom(service);
      if (candidate && !found.has(candidate.address) && found.size < 50) found.set(candidate.address, candidate);
    };
    const browsers = [bonjour.find({ type: 'uscan' }, add), bonjour.find({ type: 'uscans' }, add)];
    setTimeout(() => {
      for (const browser of browsers) browser.stop();
      bonjour.destroy();
      resolve([...found.values()]);
    }, options.timeoutMs ?? 3_000);
  });
}
