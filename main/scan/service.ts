import type { ScanFolderStatus, ScanImport, ScanList } from '../../preload/contract/scan';
import type { ConfigStore } from '../config/config-store';
import { CounterFault } from '../errors';
import type { EventBus } from '../events';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/session';
import type { SessionService } from '../session/service';
import { FolderIntake } from './folder-intake';
import { ImportQueue, type ImportOutcome, type ImportTarget, type MemoryPage } from './import-queue';
import { ImportStore, summarize, type ImportSource } from './import-store';
import { ImportRendering, type ImportChanges } from './rendering';

export type { ImportOutcome, ImportTarget, MemoryPage } from './import-queue';
export type { ImportSource } from './import-store';

/**
 * The scan capability, put together: intake from the watched folder (folder-intake.ts), the import queue
 * (import-queue.ts), the store of imports (import-store.ts) and re-rendering (rendering.ts). This class only wires
 * them, follows the scan section of the configuration, and takes its part in the session wipe.
 */
export interface ScanServiceDeps {
  sessions: SessionService;
  config: Pick<ConfigStore, 'section' | 'onChange'>;
  bus?: Pick<EventBus, 'emit'>;
  log?: Logger;
  /** Tells the référent (journal) when scanned originals cannot be removed from the shared folder. */
  journal?: Pick<Journal, 'append'>;
  /** The desktop app's file dialog (main/scan/electron-pick.ts); absent behind the web host. */
  pickFiles?: () => Promise<string[]>;
  /** Milliseconds a folder file's size and date must stay the same before it is read. */
  quietMs?: number;
  checkEveryMs?: number;
}

export class ScanService {
  private readonly store: ImportStore;
  /** The one import queue: folder files, picks, drops, the network scanner's pages and re-renders take turns in it. */
  readonly queue: ImportQueue;
  private readonly rendering: ImportRendering;
  private readonly intake: FolderIntake;
  private unfollow: (() => void) | null = null;

  constructor(private readonly deps: ScanServiceDeps) {
    const settings = () => deps.config.section('scan');
    const changed = () => deps.bus?.emit('scan.changed', {});
    this.store = new ImportStore(changed);
    this.queue = new ImportQueue({
      sessions: deps.sessions,
      store: this.store,
      settings,
      bus: deps.bus,
      log: deps.log,
    });
    this.rendering = new ImportRendering({ store: this.store, queue: this.queue, settings, changed });
    this.intake = new FolderIntake({
      sessions: deps.sessions,
      settings,
      queue: this.queue,
      store: this.store,
      changed,
      bus: deps.bus,
      log: deps.log,
      journal: deps.journal,
      quietMs: deps.quietMs,
      checkEveryMs: deps.checkEveryMs,
    });
    deps.sessions.join({
      name: 'scan',
      label: 'les pièces importées',
      clear: (session) => this.clear(session),
      verify: (session) => this.leftovers(session),
    });
  }

  private settings() {
    return this.deps.config.section('scan');
  }

  /** Starts watching the configured folder and follows each save of the scan section. */
  async start(): Promise<void> {
    this.unfollow ??= this.deps.config.onChange((section) => {
      if (section !== 'scan') return;
      this.applyConfig().catch(() => this.deps.log?.warn('scan.config_unreadable'));
    });
    await this.applyConfig();
  }

  async close(): Promise<void> {
    this.unfollow?.();
    this.unfollow = null;
    await this.intake.close();
  }

  /** Re-reads the scan section; the folder intake restarts its watcher when the folder or polling changed. */
  async applyConfig(): Promise<void> {
    await this.intake.apply(this.settings());
  }

  folderStatus(): ScanFolderStatus {
    return this.intake.status();
  }

  list(session: ActiveSession | null): ScanList {
    const settings = this.settings();
    return {
      imports: session ? this.store.records(session).map((record) => summarize(record, settings.maxUploadBytes)) : [],
      refusals: session ? this.store.refusals(session) : [],
      notices: session ? this.store.notices(session) : [],
      waiting: session ? this.intake.list(session) : [],
      folder: this.folderStatus(),
      limit: settings.maxUploadBytes,
      maxInputBytes: settings.maxInputBytes,
      nativePick: Boolean(this.deps.pickFiles),
    };
  }

  get(session: ActiveSession, id: string): ScanImport {
    return summarize(this.store.record(session, id), this.settings().maxUploadBytes);
  }

  // ---- the ways in ----

  importPath(session: ActiveSession, path: string, source: ImportSource, target: ImportTarget = {}) {
    return this.queue.importPath(session, path, source, target);
  }

  importBytes(session: ActiveSession, name: string, bytes: Buffer, source: ImportSource, target: ImportTarget = {}) {
    return this.queue.importBytes(session, name, bytes, source, target);
  }

  /** Pages from memory (the network scanner): see ImportQueue.importFromMemory. */
  importFromMemory(session: ActiveSession, page: MemoryPage): Promise<ImportOutcome> {
    return this.queue.importFromMemory(session, page);
  }

  /** Desktop only: the system file dialog, then the same path pipeline as the scan folder. */
  async pick(session: ActiveSession, target: ImportTarget): Promise<ImportOutcome> {
    if (!this.deps.pickFiles) {
      throw new CounterFault(
        'scan_pick_unavailable',
        "Le choix de fichiers par la fenêtre système n'est pas disponible ici.",
      );
    }
    const paths = await this.deps.pickFiles();
    const outcome: ImportOutcome = { imported: [], refused: [] };
    for (const path of paths) {
      const one = await this.queue.importPath(session, path, 'pick', target);
      outcome.imported.push(...one.imported);
      outcome.refused.push(...one.refused);
    }
    return outcome;
  }

  importWaiting(session: ActiveSession, id: string, target: ImportTarget): Promise<ImportOutcome> {
    return this.intake.importWaiting(session, id, target);
  }

  deleteWaiting(id: string): Promise<void> {
    return this.intake.deleteWaiting(id);
  }

  // ---- the counter's choices ----

  update(session: ActiveSession, id: string, changes: ImportChanges): Promise<ScanImport> {
    return this.rendering.update(session, id, changes);
  }

  move(session: ActiveSession, id: string, direction: 'up' | 'down'): void {
    this.store.move(session, id, direction);
  }

  merge(session: ActiveSession, ids: string[]): Promise<ScanImport> {
    return this.rendering.merge(session, ids);
  }

  remove(session: ActiveSession, id: string): Promise<void> {
    return this.store.remove(session, id);
  }

  dismiss(session: ActiveSession, id: string): void {
    this.store.dismiss(session, id);
  }

  thumbnail(session: ActiveSession, id: string): Promise<Buffer> {
    return this.rendering.thumbnail(session, id);
  }

  preview(session: ActiveSession, id: string, pageIndex: number): Promise<{ bytes: Buffer; pages: number }> {
    return this.rendering.preview(session, id, pageIndex);
  }

  uploadReady(session: ActiveSession, id: string): Promise<{ name: string; bytes: Buffer; mime: string }> {
    return this.rendering.uploadReady(session, id);
  }

  /**
   * Session end: forget the names and choices (the workspace and its key go with the session), and delete from
   * the scan folder every file the session brought there. `files` and `bytes` count those: the wipe report adds
   * them to the workspace's. What the folder refuses to delete is the verification's to report (leftovers).
   */
  async clear(session: ActiveSession): Promise<{ imports: number; files: number; bytes: number }> {
    const imports = await this.store.clear(session);
    const folder = await this.intake.endSession(session);
    this.deps.bus?.emit('scan.changed', {});
    return { imports, files: folder.files, bytes: folder.bytes };
  }

  /**
   * The wipe's check: nothing of the session in memory, nothing it brought left in the scan folder (one more
   * try at deleting first). Those files are in clear, outside the workspace: the mediator is told what to do.
   */
  private async leftovers(session: ActiveSession): Promise<string[]> {
    const found = this.store.holds(session) ? ['pièces importées encore en mémoire'] : [];
    await this.intake.endSession(session);
    const files = await this.intake.remaining(session);
    if (files > 0) {
      found.push(
        `${files === 1 ? "un fichier scanné pendant l'accompagnement est resté" : `${files} fichiers scannés pendant l'accompagnement sont restés`} en clair dans le dossier de numérisation : supprimez-les depuis l'explorateur de fichiers`,
      );
    }
    return found;
  }
}
