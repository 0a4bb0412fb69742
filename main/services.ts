import type { Database } from 'better-sqlite3';
import { AccessStore } from './access/access-store';
import type { PinCost } from './access/pin-hash';
import { AccessService } from './access/service';
import { ConfigStore } from './config/config-store';
import { Settings } from './config/settings';
import { openStationDb } from './db/open';
import { EventBus } from './events';
import { Journal } from './journal/journal';
import type { Logger } from './log';
import type { Platform } from './platform';
import type { Clock } from './session/clock';
import { SessionService } from './session/service';
import { startSurvey, type SurveyService } from './survey/service';
import { homedir } from 'node:os';
import { demarchesCatalogDir, resourcesDir } from './app/resources-dir';
import { ConfigGuard } from './config/value-guard';
import { FlowService } from './flow/service';
import { SiteService } from './site/service';
import { scanUploadSource } from './site/uploads';
import { scanFolderLeftovers } from './scan/folder-leftovers';
import { ScanService } from './scan/service';
import { PrintService } from './print/service';
import { ScannerService } from './scanner/service';

export interface ServiceOptions {
  dataDir: string;
  platform: Platform;
  log: Logger;
  /** Time for the session idle timeout; tests pass a fake one. */
  clock?: Clock;
  /** The scrypt cost of new PIN hashes: production's PIN_COST unless a test injects a cheaper one. */
  pinCost?: PinCost;
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
  access: AccessService;
  survey: SurveyService;
  flow: FlowService;
  site: SiteService;
  scan: ScanService;
  print: PrintService;
  scanner: ScannerService;
  close(): void;
}

export function createServices({ dataDir, platform, log, clock, pinCost }: ServiceOptions): Services {
  const db = openStationDb(dataDir);
  const bus = new EventBus();
  const settings = new Settings(db);
  // The flow service is made below; the guard asks it for the built-in démarches' titles when it checks a save.
  let flowForGuard: FlowService | undefined = undefined;
  const guard = new ConfigGuard({
    dataDir,
    resourcesDir: resourcesDir(),
    homeDir: homedir(),
    platform: process.platform,
    officialDemarches: () => flowForGuard?.builtInTitles() ?? [],
  });
  const config = new ConfigStore(settings, { guard, log });
  const journal = new Journal(db);
  const sessions = new SessionService({
    dataDir,
    journal,
    db,
    bus,
    platform,
    log,
    clock,
    idleSettings: () => config.section('session'),
    // A session cut short by a crash: its scans left in the watched folder go with its workspace.
    outsideLeftovers: [scanFolderLeftovers(() => config.section('scan').folder)],
  });
  sessions.sweepLeftovers();
  const access = new AccessService({
    store: new AccessStore(db),
    journal,
    sessions,
    now: clock && (() => new Date(clock.now())),
    pinCost,
    referentIdleMinutes: () => config.section('session').referentIdleMinutes,
  });
  const survey = startSurvey({
    db,
    config,
    journal,
    sessions,
    platform,
    mediatorPinHash: (id) => (id === null ? null : (access.store.mediator(id)?.pinHash ?? null)),
    log,
    now: clock && (() => new Date(clock.now())),
  });
  // The scan service is made just below; flow reads the session's scans through it when a démarche is read.
  let scan: ScanService | undefined = undefined;
  const flow = new FlowService({
    catalogDir: demarchesCatalogDir(),
    config,
    sessions,
    log,
    scans: (session) => scan?.list(session).imports ?? [],
  });
  flowForGuard = flow;
  scan = new ScanService({ sessions, config, bus, log, journal, pickFiles: platform.pickScanFiles });
  void scan.start().catch(() => log.warn('scan.start_failed'));
  const site = new SiteService({
    config,
    sessions,
    bus,
    log,
    host: platform.site,
    uploads: scanUploadSource(() => scan),
    printA4: platform.printA4,
  });
  const scanner = new ScannerService({ config, sessions, scan, bus, journal, log });
  const print = new PrintService({ config, journal, sessions, platform, log, records: (s) => flow.records(s) });
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
    access,
    survey,
    flow,
    site,
    scan,
    print,
    scanner,
    close() {
      void scan.close();
      db.close();
    },
  };
}
