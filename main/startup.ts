import { OPEN_GATE } from './access/gate';
import { createDispatch, type Dispatch } from './dispatch';
import { CounterFault } from './errors';
import { createHandlers, faultHandlers } from './handlers';
import type { Logger } from './log';
import type { Platform } from './platform';
import { createServices, type Services } from './services';

export interface Station {
  services?: Services;
  dispatch: Dispatch;
  fault?: CounterFault;
  close(): void;
}

/**
 * Opens the station's services and the dispatcher in front of them. If the database is damaged, the station
 * still starts, but every call answers with the damage report so the screen can say what to do.
 */
export function startStation(dataDir: string, platform: Platform, log: Logger): Station {
  try {
    const services = createServices({ dataDir, platform, log });
    // The start-up check of the journal: an edit made straight in station.db is reported (row id only).
    const chain = services.journal.checkChain();
    if (!chain.intact) log.error('journal.chain_broken', { from: chain.brokenAt ?? 0, rows: chain.rows });
    return {
      services,
      dispatch: createDispatch(createHandlers(services), log, services.access),
      close: () => services.close(),
    };
  } catch (error) {
    if (!(error instanceof CounterFault)) throw error;
    log.error('station.start_failed', { code: error.code });
    return { dispatch: createDispatch(faultHandlers(error), log, OPEN_GATE), fault: error, close() {} };
  }
}
