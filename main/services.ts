import type { Database } from 'better-sqlite3';
import { ConfigStore } from './config/config-store';
import { Settings } from './config/settings';
import { openStationDb } from './db/open';
import { EventBus } from './events';
import { Journal } from './journal/journal';
import type { Logger } from './log';
import type { Platform } from './platform';
import { SessionService } from './session/service';

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
  config: ConfigStore;
  journal: Journal;
  sessions: SessionService;
  close(): void;
}

export function createServices({ dataDir, platform, log }: ServiceOptions): Services {
  const db = openStationDb(dataDir);
  const bus = new EventBus();
  const settings = new Settings(db);
  const config = new ConfigStore(settings);
  const journal = new Journal(db);
  const sessions = new SessionService({ dataDir, journal });
  return {
    dataDir,
    platform,
    log,
    db,
    bus,
    settings,
    config,
    journal,
    sessions,
    close() {
      db.close();
    },
  };
}
