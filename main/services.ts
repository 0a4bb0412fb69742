import type { Database } from 'better-sqlite3';
import { Settings } from './config/settings';
import { openStationDb } from './db/open';
import { EventBus } from './events';
import type { Logger } from './log';
import type { Platform } from './platform';

export interface ServiceOptions {
  dataDir: string;
  platform: Platform;
  log: Logger;
}

/** Every service of the station, created once at start by main/index.ts or main/web-host.ts. */
export interface Services {
  dataDir: string;
  platform: Platform;
  log: Logger;
  db: Database;
  bus: EventBus;
  settings: Settings;
  close(): void;
}

export function createServices({ dataDir, platform, log }: ServiceOptions): Services {
  const db = openStationDb(dataDir);
  const bus = new EventBus();
  const settings = new Settings(db);
  return {
    dataDir,
    platform,
    log,
    db,
    bus,
    settings,
    close() {
      db.close();
    },
  };
}
