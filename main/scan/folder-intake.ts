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
import { FolderArrivals } from './folder-arrivals';
import { heldMessage, sessionFilesOf, writtenDuring, type FolderFile } from './folder-files';
import type { ImportOutcome, ImportQueue, ImportTarget } from './import-queue';
import { NOT_FOUND, type ImportStore } from './import-store';
import { sameStamp, stampOf, stillTheSame, type FileStamp } from './open-file';
import { FolderWatcher, type FolderState } from './watcher';

/**
 * Intake from the watched scan folder. A file written during a session is imported for it; a file that was there
 * before (or arrived with no session) may be the previous usager's paper: it is held, never attached by itself and
 * never shown by name, and the mediator imports it for this usager or deletes it. After an import the original is
 * deleted from the folder (only if the name still holds the file that was read); if that fails, the mediator is
 * told. A refused file (incomplete, damaged…) is listed once, can be tried again, and is looked at again by itself
 * when it changes (rescanned under the same name). At the end of the session every file it brought into the
 * folder is deleted (endSession); after a crash, the start-up sweep does it from the session's list of arrivals.
 */

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
  /** Milliseconds a folder file's size and date must stay the same before it is read (else the section's). */
  quietMs?: number;
  checkEveryMs?: number;
}

const NOT_WATCHED = { folder: null, usePolling: false, quietMs: 0 } as const;

export class FolderIntake {
  /** Every file of the folder the intake knows of, by path. */
  private readonly files = new Map<string, FolderFile>();
  private watcher: FolderWatcher | null = null;
  private watched: { folder: string | null; usePolling: boolean; quietMs: number } = NOT_WATCHED;
  private folderState: FolderState | null = null;
  /** The folder `files` describes. */
  private filesOf: string | null = null;
  /** The session's arrivals, on disk in its workspace: a crash's start-up sweep deletes them (folder-leftovers.ts). */
  private readonly arrivals: FolderArrivals;

  constructor(private readonly deps: IntakeDeps) {
    this.arrivals = new FolderArrivals(deps.log);
  }

  /** Follows the scan section: restarts the watcher when the folder, polling or the quiet window changed. */
  async apply(settings: { folder: string | null; usePolling: boolean; quietSeconds: number }): Promise<void> {
    const { folder, usePolling } = settings;
    const quietMs = this.deps.quietMs ?? settings.quietSeconds * 1000;
    const same = this.watched;
    if (folder === same.folder && usePolling === same.usePolling && quietMs === same.quietMs) return;
    this.watched = { folder, usePolling, quietMs };
    await this.stop();
    // Another folder: what was known of the old one no longer applies. The same folder watched again (polling
    // switched, a restart) keeps it: an original that could not be deleted is not imported twice.
    if (folder !== this.filesOf) this.files.clear();
    this.filesOf = folder;
    if (folder) {
      this.watcher = new FolderWatcher({
        folder,
        usePolling,
        quietMs,
        checkEveryMs: this.deps.checkEveryMs,
        onFile: (path) => void this.consider(path).catch(() => this.deps.log?.error('scan.folder_file_failed')),
        onSeen: (path) => {
          const session = this.deps.sessions.current();
          if (session) void this.arrivals.arrived(session, path);
        },
        onGone: (path) => {
          if (this.files.get(path)?.status !== 'queued' && this.files.delete(path)) this.deps.changed();
        },
        onState: (state) => {
          this.folderState = state;
          if (state === 'watching') void this.prune();
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
    this.watched = NOT_WATCHED;
  }

  status(): ScanFolderStatus {
    const settings = this.deps.settings();
    return folderStatusOf(settings, this.watched.folder === settings.folder ? this.folderState : null);
  }

  /** The folder files the running session's screen lists: its own refused files by name, the others held unnamed. */
  list(session: ActiveSession): ScanList['waiting'] {
    return [...this.files.values()]
      .filter((file) => file.status === 'waiting' || file.status === 'refused')
      .sort((a, b) => a.seenAt - b.seenAt)
      .map((file) =>
        file.sessionId === session.id
          ? { id: file.id, name: file.name, size: file.size, why: 'refused', message: file.message }
          : { id: file.id, name: null, size: file.size, why: 'before_session', message: heldMessage(file) },
      );
  }

  /** A file reported quiet by the watcher: new, changed since it was last looked at, or the same as before. */
  private async consider(path: string): Promise<void> {
    const info = await lstat(path).catch(() => null);
    const known = this.files.get(path);
    if (!info) {
      if (known && known.status !== 'queued') this.files.delete(path);
      return;
    }
    if (known?.status === 'queued') {
      known.dirty = true;
      return;
    }
    const stamp = stampOf(info);
    // Reported again unchanged (the folder came back, a retry of the watcher): nothing new to do.
    if (known && sameStamp(known.stamp, stamp)) return;
    const session = this.deps.sessions.current();
    const ours = session !== null && writtenDuring(session, info.mtimeMs);
    // On disk before anything is done with it: a crash from now on still leaves it to the start-up sweep.
    if (ours) await this.arrivals.arrived(session, path);
    const file: FolderFile = {
      id: known?.id ?? randomUUID(),
      path,
      name: safeName(basename(path)),
      size: info.size,
      seenAt: known?.seenAt ?? Date.now(),
      mtimeMs: info.mtimeMs,
      sessionId: ours ? session.id : (known?.sessionId ?? null),
      status: 'waiting',
      message: '',
      stamp,
      dirty: false,
    };
    this.files.set(path, file);
    // A rescan under the same name replaces the refusal; a file from before is held for the mediator.
    if (ours) await this.importFile(session, file, {});
    else this.deps.changed();
  }

  private async importFile(session: ActiveSession, file: FolderFile, target: ImportTarget): Promise<ImportOutcome> {
    file.status = 'queued';
    file.sessionId = session.id;
    this.deps.changed();
    try {
      const outcome = await this.deps.queue.importPath(session, file.path, 'folder', target, {
        listRefusal: false,
        requireComplete: true,
      });
      if (outcome.imported.length > 0 && outcome.stamp) await this.removeOriginal(session, file, outcome.stamp);
      else if (outcome.refusal) {
        file.status = 'refused';
        file.message = outcome.refusal.message;
      } else file.status = 'waiting';
      return { imported: outcome.imported, refused: outcome.refused };
    } finally {
      this.deps.changed();
      if (file.dirty && this.files.get(file.path) === file) {
        // It changed while it was being read: look at the new content.
        file.dirty = false;
        file.stamp = null;
        if (file.status === 'queued') file.status = 'waiting';
        void this.consider(file.path).catch(() => this.deps.log?.error('scan.folder_file_failed'));
      }
    }
  }

  private async removeOriginal(session: ActiveSession, file: FolderFile, read: FileStamp): Promise<void> {
    file.status = 'imported';
    file.stamp = read;
    // Rescanned under the same name meanwhile: that new file is not the one imported, it is looked at next.
    if (!(await stillTheSame(file.path, read))) {
      file.dirty = true;
      return;
    }
    try {
      await unlink(file.path);
      this.files.delete(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.files.delete(file.path);
        return;
      }
      this.deps.journal?.append('scan.delete_failed', {}, session.mediator.pseudonym);
      this.deps.store.addNotice(
        session,
        `Le document « ${file.name} » a bien été importé, mais l'original n'a pas pu être supprimé du dossier de numérisation. Supprimez-le vous-même pour que le papier de l'usager ne reste pas dans le dossier partagé.`,
      );
    }
  }

  private byId(id: string): FolderFile {
    const file = [...this.files.values()].find((item) => item.id === id);
    if (!file || file.status === 'queued' || file.status === 'imported') throw NOT_FOUND;
    return file;
  }

  /** "Importer pour cet usager" (a held file) or "Réessayer" (a refused one): import it for this session. */
  async importWaiting(session: ActiveSession, id: string, target: ImportTarget): Promise<ImportOutcome> {
    const file = this.byId(id);
    await this.arrivals.adopted(session, file.path);
    return this.importFile(session, file, target);
  }

  async deleteWaiting(id: string): Promise<void> {
    const file = this.byId(id);
    try {
      await unlink(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new CounterFault(
          'scan_delete_failed',
          file.status === 'refused'
            ? `Le fichier « ${file.name} » n'a pas pu être supprimé du dossier de numérisation (accès refusé ?). Supprimez-le depuis l'explorateur de fichiers.`
            : "Le fichier n'a pas pu être supprimé du dossier de numérisation (accès refusé ?). Supprimez-le depuis l'explorateur de fichiers.",
        );
      }
    }
    this.files.delete(file.path);
    this.deps.changed();
  }

  /** Forgets files that went while the folder was away (they are reported again if they are still there). */
  private async prune(): Promise<void> {
    for (const [path, file] of this.files) {
      if (file.status !== 'queued' && !(await lstat(path).catch(() => null))) this.files.delete(path);
    }
  }

  /**
   * Session end: deletes every file the session brought into the folder — imported originals that could not be
   * deleted, refused files, files still arriving — and counts them. Files from before stay held.
   */
  async endSession(session: ActiveSession): Promise<{ files: number; bytes: number; left: number }> {
    const folder = this.watched.folder;
    let files = 0;
    let bytes = 0;
    let left = 0;
    if (!folder) return { files, bytes, left };
    for (const path of await sessionFilesOf(folder, session, this.files)) {
      const info = await lstat(path).catch(() => null);
      if (!info) {
        this.files.delete(path);
        continue;
      }
      try {
        await unlink(path);
        this.files.delete(path);
        files++;
        bytes += info.size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.files.delete(path);
        else left++;
      }
    }
    // What could not be deleted is held at the next session like any file from before it, without its name.
    for (const file of this.files.values()) if (file.status === 'imported') file.status = 'waiting';
    this.deps.changed();
    return { files, bytes, left };
  }

  /** The wipe's check: how many files of the session the folder still holds. */
  async remaining(session: ActiveSession): Promise<number> {
    const folder = this.watched.folder;
    if (!folder) return 0;
    let count = 0;
    for (const path of await sessionFilesOf(folder, session, this.files)) {
      if (await lstat(path).catch(() => null)) count++;
    }
    return count;
  }
}
