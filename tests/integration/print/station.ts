import type { StationConfig } from '../../../preload/contract/config-sections';
import type { FlowRecord } from '../../../main/flow/records';
import { createFileLogger } from '../../../main/log';
import type { Platform } from '../../../main/platform';
import { PrintService } from '../../../main/print/service';
import type { Services } from '../../../main/services';
import type { ActiveSession } from '../../../main/session/session';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation } from '../../helpers/station';
import { station as stationFields } from '../../unit/print/receipt-records';

export interface PrintStation {
  services: Services;
  print: PrintService;
  session: ActiveSession;
  records: FlowRecord[];
  /** The print service's clock (starts on 23 November 2026, 17:05 in Paris). */
  clock: { now: Date };
  close(): Promise<void>;
}

/**
 * The real station on a temp data dir (station.db, journal, sessions, config), with a print service fed the
 * FlowRecords the test builds, and a running session.
 */
export function openPrintStation(
  dataDir: string,
  printer: Partial<StationConfig['printer']>,
  records: FlowRecord[],
  platform: Partial<Platform> = {},
): PrintStation {
  seedStation(dataDir, { config: { station: stationFields, printer: { enabled: true, timeoutMs: 1000, ...printer } } });
  const log = createFileLogger(dataDir, false);
  const services = openTestStation(dataDir, { platform, log });
  const state = { records };
  const clock = { now: new Date('2026-11-23T16:05:00Z') };
  const print = new PrintService({
    config: services.config,
    journal: services.journal,
    sessions: services.sessions,
    platform: services.platform,
    log,
    records: () => state.records,
    now: () => clock.now,
  });
  const session = services.sessions.start({ id: null, pseudonym: 'Camille' });
  return {
    services,
    print,
    session,
    clock,
    get records() {
      return state.records;
    },
    set records(value) {
      state.records = value;
    },
    async close() {
      await services.sessions.end('ended');
      services.close();
    },
  };
}
