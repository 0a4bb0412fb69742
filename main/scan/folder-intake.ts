import { randomUUID } from 'node:crypto';
import { lstat, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ScanFolderStatus, ScanList } from '../../preload/contract/scan';
import type { StationConfig } from '../../preload/contract/config-sections';
import { CounterFault } from '../errors';
import type { EventBus } from '../events';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/session';
import type { SessionService } from '../session/service';
import { safeName } from './file-names';
import { folderStatusOf } from './folder-status';
import type { ImportOutcome, ImportQueue, ImportTarget } from './import-queue';
import { NOT_FOUND, type ImportStore } from './import-store';
import { refusal } from './refusals';
import { FolderWatcher, type FolderState } from './watcher';

/**
 * Intake from the watched scan folder. The watcher imports only while a session runs, and only files written after
 * the session started. A file already in the folder when the session starts (or arriving with no session) may be
 * the previous usager's paper: it is never attached by itself but listed as "waiting", and the mediator chooses to
 * import it for this usager or to delete it. After a successful import the original is deleted from the folder; if
 * that fails, the mediator is told.
 */

interface WaitingFile {
  id: string;
  path: string;
  name: string;
  size: number;
  why: 'before_session' | 'refused' | 'no_session';
  message: string;
}

export interface IntakeDeps {
  sessions: Pick<SessionService, 'current'>;
  settings(): StationConfig['scan'];
  queue: ImportQueue;
  store: ImportStore;
  changed(): void;
  bus?: Pick<EventBus, 'emit'>;
  log?: Logger;
  /** Tells the référent (journal) when scanned originals cannot be removed from the shared folder. */
  journal?: Pick<Journal, 'append'>;
  /** Milliseconds a folder file's size must stay unchanged before import. */
  stableMs?: number;
  checkEveryMs?: number;
}

export class FolderIntake {
  private readonly waiting = new Map<string, WaitingFile>();
  private readonly inFlight = new Set<string>();
  /** Folder files already imported (path → modification time): an original that could not be deleted is not imported twice. */
  private readonly handled = new Map<string, number>();
  private watcher: FolderWatcher | null = null;
  private watched: { folder: string | null; usePolling: boolean } = { folder: null, usePolling: false };
  private folderState: FolderState | null = null;

  constructor(private readonly deps: IntakeDeps) {}

  /** Follows the scan section: restarts the watcher when the folder or the polling option changed. */
  async apply(settings: { folder: string | null; usePolling: boolean }): Promise<void> {
    const { folder, usePolling } = settings;
    if (folder === this.watched.folder && usePolling === this.watched.usePolling) return;
    this.watched = { folder, usePolling };
    await this.stop();
    this.waiting.clear();
    if (folder) {
      this.watcher = new FolderWatcher({
        folder,
        usePolling,
        stableMs: this.deps.stableMs,
        checkEveryMs: this.deps.checkEveryMs,
        onFile: (path) => this.onFolderFile(path),
        onGone: (path) => {
          for (const [id, file] of this.waiting) if (file.path === path) this.waiting.delete(id);
          this.deps.changed();
        },
        onState: (state) => {
          this.folderState = state;
          if (state === 'missing') this.waiting.clear();
          this.deps.bus?.emit('scan.folder', this.status());
          this.deps.changed();
        },
      });
      await this.watcher.start();
    }
    this.deps.bus?.emit('scan.folder', this.status());
  }

  private async stop(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
    this.folderState = null;
  }

  async close(): Promise<void> {
    await this.stop();
    this.watched = { folder: null, usePolling: false };
  }

  status(): ScanFolderStatus {
    const settings = this.deps.settings();
    return folderStatusOf(settings, this.watched.folder === settings.folder ? this.folderState : null);
  }

  /** The waiting folder files, as the running session's screen shows them. */
  list(): ScanList['waiting'] {
    return [...this.waiting.values()].map(({ id, name, size, why, message }) => ({
      id,
      name,
      size,
      why: why === 'no_session' ? 'before_session' : why,
      message: why === 'no_session' ? beforeSessionMessage(name) : message,
    }));
  }

  private onFolderFile(path: string): void {
    if (this.inFlight.has(path)) return;
    void this.consider(path).catch((error: unknown) => {
      this.deps.log?.error('scan.folder_file_failed', { kind: error instanceof Error ? error.name : typeof error });
    });
  }

  private async consider(path: string): Promise<void> {
    const name = safeName(basename(path));
    let info;
    try {
      info = await lstat(path);
    } catch {
      return;
    }
    const session = this.deps.sessions.current();
    const already = [...this.waiting.values()].find((file) => file.path === path);
    if (already) {
      if (already.why === 'no_session' && session) already.why = 'before_session';
      return;
    }
    if (info.isSymbolicLink()) {
      this.addWaiting(path, name, 0, 'refused', refusal('symlink', name).message);
      return;
    }
    if (this.handled.get(path) === info.mtimeMs) return;
    if (!session || info.mtimeMs < session.startedAt.getTime()) {
      this.addWaiting(path, name, info.size, session ? 'before_session' : 'no_session', beforeSessionMessage(name));
      return;
    }
    await this.importFile(session, path, {});
  }

  private addWaiting(path: string, name: string, size: number, why: WaitingFile['why'], message: string): void {
    const id = randomUUID();
    this.waiting.set(id, { id, path, name, size, why, message });
    this.deps.changed();
  }

  private async importFile(session: ActiveSession, path: string, target: ImportTarget): Promise<ImportOutcome> {
    this.inFlight.add(path);
    try {
      const outcome = await this.deps.queue.importPath(session, path, 'folder', target);
      const name = safeName(basename(path));
      if (outcome.imported.length > 0) {
        const imported = await lstat(path).catch(() => null);
        if (imported) this.handled.set(path, imported.mtimeMs);
        try {
          await unlink(path);
          this.handled.delete(path);
        } catch {
          this.deps.journal?.append('scan.delete_failed', {}, session.mediator.pseudonym);
          this.deps.store.addNotice(
            session,
            `Le document « ${name} » a bien été importé, mais l'original n'a pas pu être supprimé du dossier de numérisation. Supprimez-le vous-même pour que le papier de l'usager ne reste pas dans le dossier partagé.`,
          );
        }
      } else {
        // A refused file stays in the folder until the mediator deletes it (it may be kept for another try).
        this.addWaiting(path, name, 0, 'refused', outcome.refused[0]?.message ?? refusal('damaged', name).message);
      }
      return outcome;
    } finally {
      this.inFlight.delete(path);
    }
  }

  async importWaiting(session: ActiveSession, id: string, target: ImportTarget): Promise<ImportOutcome> {
    const file = this.waiting.get(id);
    if (!file) throw NOT_FOUND;
    this.waiting.delete(id);
    this.deps.changed();
    return this.importFile(session, file.path, target);
  }

  async deleteWaiting(id: string): Promise<void> {
    const file = this.waiting.get(id);
    if (!file) throw NOT_FOUND;
    try {
      await unlink(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new CounterFault(
          'scan_delete_failed',
          `Le fichier « ${file.name} » n'a pas pu être supprimé du dossier de numérisation (accès refusé ?). Supprimez-le depuis l'explorateur de fichiers.`,
        );
      }
    }
    this.waiting.delete(id);
    this.deps.changed();
  }

  /** Session end: files still waiting show at the next session as "before this session". */
  endSession(): void {
    // An original that could not be deleted shows at the next session as a file from before it.
    this.handled.clear();
    for (const file of this.waiting.values()) if (file.why === 'before_session') file.why = 'no_session';
  }
}

function beforeSessionMessage(name: string): string {
  return `Le fichier « ${name} » était déjà dans le dossier de numérisation avant le début de cet accompagnement : il vient peut-être de l'usager précédent. Importez-le seulement s'il appartient à cet usager ; sinon supprimez-le.`;
}
