/** A real station (createServices on a temp data dir) with the scan section set, for the scan integration tests. */
import type { Services } from '../../../main/services';
import { openTestStation } from '../../helpers/station';

export interface ScanStation {
  services: Services;
  events: Array<{ name: string; payload: unknown }>;
  close(): Promise<void>;
}

export async function openScanStation(
  dataDir: string,
  scan: Record<string, unknown> = {},
  options: { pickScanFiles?: () => Promise<string[]> } = {},
): Promise<ScanStation> {
  const services = openTestStation(dataDir, { platform: { pickScanFiles: options.pickScanFiles } });
  services.config.setSection('scan', { ...services.config.section('scan'), ...scan });
  const events: Array<{ name: string; payload: unknown }> = [];
  services.bus.attach((name, payload) => events.push({ name, payload }));
  await services.scan.applyConfig();
  return {
    services,
    events,
    async close() {
      await services.scan.close();
      await services.sessions.end('ended').catch(() => undefined);
      services.close();
    },
  };
}

export function startSession(services: Services) {
  return services.sessions.start({ id: null, pseudonym: 'Camille' });
}

/** Polls until the condition holds (real folder events take real time). */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
