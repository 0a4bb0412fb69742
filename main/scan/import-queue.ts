import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { StationConfig } from '../../preload/contract/config-sections';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/session';
import type { SessionService } from '../session/service';
import { endsProperly } from './complete-file';
import { detectKind, SNIFF_BYTES } from './detect';
import { safeName } from './file-names';
import { type ImportRecord, type ImportSource, type ImportStore, type StoredPage, discardFiles } from './import-store';
import { decodePages } from './decode-pages';
import { readFileOnce, type FileStamp } from './open-file';
import { checkTiffPages } from './page-limits';
import { refusal, RefusedFile, type Refusal } from './refusals';
import { renderImport } from './rendering';

/**
 * The import queue: every way a document comes in (a path from the folder or the file dialog, bytes from a browser,
 * a page in memory from the network scanner) ends in the same pipeline — size checked, kind recognised by content,
 * pages normalised, upload-ready file fitted to the size limit, everything stored encrypted in the session
 * workspace, attached to the pièce that asked. Imports run one at a time, so memory stays bounded whatever arrives
 * at once.
 */

export interface ImportTarget {
  demarcheId?: string | null;
  pieceId?: string | null;
}

export interface ImportOutcome {
  imported: string[];
  refused: Array<{ name: string; message: string }>;
}

/** A page (or a whole document) held in memory, e.g. from the network scanner: it never touches a folder in clear. */
export interface MemoryPage extends ImportTarget {
  /** Shown name, e.g. "Scan 14 h 02.jpg"; made safe here. */
  name: string;
  bytes: Buffer;
}

export interface PathOptions {
  /** False when the caller lists the refusal itself (the folder's waiting files): each refusal is shown once. */
  listRefusal?: boolean;
  /** The file must end the way its format ends (a folder file a scanner may still be writing). */
  requireComplete?: boolean;
}

/** A path import's outcome, with what the caller needs to follow the file: why it was refused, which file was read. */
export interface PathOutcome extends ImportOutcome {
  refusal: Refusal | null;
  stamp: FileStamp | null;
}

export type ProgressStep = 'reading' | 'pages' | 'preparing' | 'done' | 'refused';

export interface QueueDeps {
  sessions: Pick<SessionService, 'current'>;
  store: ImportStore;
  settings(): StationConfig['scan'];
  bus?: Pick<EventBus, 'emit'>;
  log?: Logger;
}

export class ImportQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: QueueDeps) {}

  /** Runs one task after the others: bounded memory whatever arrives at once. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  progress(jobId: string, name: string, step: ProgressStep, done = 0, total = 1): void {
    this.deps.bus?.emit('scan.progress', { jobId, name: name.slice(0, 200), step, done, total });
  }

  /** `listed` false: the caller shows the refusal itself (the folder's waiting list), so it is shown once. */
  private refused(session: ActiveSession, jobId: string, found: Refusal, listed = true): ImportOutcome {
    if (listed) this.deps.store.addRefusal(session, found);
    this.progress(jobId, found.name, 'refused');
    return { imported: [], refused: [{ name: found.name, message: found.message }] };
  }

  /**
   * Imports a file by path (folder or desktop file dialog), when its turn comes: opened once without following
   * links nor blocking, checked on the open handle (a plain file, its size before anything is read) and read from
   * that handle (open-file.ts). A folder file must also end the way its format ends (complete-file.ts).
   */
  async importPath(
    session: ActiveSession,
    path: string,
    source: ImportSource,
    target: ImportTarget = {},
    options: PathOptions = {},
  ): Promise<PathOutcome> {
    const name = safeName(basename(path));
    const jobId = randomUUID();
    const refuse = (found: Refusal): PathOutcome => ({
      ...this.refused(session, jobId, found, options.listRefusal ?? true),
      refusal: found,
      stamp: null,
    });
    return this.serial(async () => {
      this.progress(jobId, name, 'reading');
      const { maxInputBytes } = this.deps.settings();
      const opened = await readFileOnce(path, maxInputBytes);
      if (!opened.ok) return refuse(refusal(opened.reason, name, { size: opened.size, limit: maxInputBytes }));
      const detected = detectKind(opened.bytes.subarray(0, SNIFF_BYTES));
      if (!detected.accepted) return refuse(refusal('foreign', name, { foreign: detected.kind }));
      if (options.requireComplete && !endsProperly(detected.kind, opened.bytes)) {
        return refuse(refusal('incomplete', name));
      }
      const outcome = await this.process(session, jobId, name, opened.bytes, source, target, options);
      return { ...outcome, stamp: opened.stamp };
    });
  }

  /** Imports bytes from a browser file input or a drag and drop. */
  async importBytes(
    session: ActiveSession,
    rawName: string,
    bytes: Buffer,
    source: ImportSource,
    target: ImportTarget = {},
  ): Promise<ImportOutcome> {
    const name = safeName(rawName);
    const jobId = randomUUID();
    const { maxInputBytes } = this.deps.settings();
    if (bytes.length === 0) return this.refused(session, jobId, refusal('empty', name));
    if (bytes.length > maxInputBytes) {
      return this.refused(session, jobId, refusal('too_large', name, { size: bytes.length, limit: maxInputBytes }));
    }
    const outcome = await this.serial(() => this.process(session, jobId, name, bytes, source, target));
    return { imported: outcome.imported, refused: outcome.refused };
  }

  /**
   * The entry point for pages that come from memory (the network scanner, main/scanner): straight into the same
   * pipeline as a file — normalised, fitted to the size limit, stored encrypted, attached to the pièce that asked.
   * No page ever touches a folder in clear.
   */
  importFromMemory(session: ActiveSession, page: MemoryPage): Promise<ImportOutcome> {
    return this.importBytes(session, page.name, page.bytes, 'scanner', {
      demarcheId: page.demarcheId,
      pieceId: page.pieceId,
    });
  }

  private async process(
    session: ActiveSession,
    jobId: string,
    name: string,
    bytes: Buffer,
    source: ImportSource,
    target: ImportTarget,
    options: PathOptions = {},
  ): Promise<ImportOutcome & { refusal: Refusal | null }> {
    const listed = options.listRefusal ?? true;
    const refuse = (found: Refusal) => ({ ...this.refused(session, jobId, found, listed), refusal: found });
    const detected = detectKind(bytes.subarray(0, SNIFF_BYTES));
    if (!detected.accepted) return refuse(refusal('foreign', name, { foreign: detected.kind }));
    const settings = this.deps.settings();
    const limits = { maxPixels: settings.maxPixels, maxPages: settings.maxPages };
    let decoded;
    try {
      if (detected.kind === 'tiff') await checkTiffPages(bytes, name, limits);
      decoded = await decodePages(bytes, detected.kind, name, limits, (done, total) =>
        this.progress(jobId, name, 'pages', done, total),
      );
    } catch (error) {
      if (error instanceof RefusedFile) return refuse(error.refusal);
      this.deps.log?.warn('scan.decode_failed', { kind: detected.kind });
      return refuse(refusal('damaged', name));
    }
    if (this.deps.sessions.current() !== session) return { imported: [], refused: [], refusal: null };
    this.progress(jobId, name, 'preparing', decoded.masters.length, decoded.masters.length);
    const pages: StoredPage[] = [];
    for (const master of decoded.masters) {
      pages.push({
        masterId: await session.workspace.put(master.bytes),
        width: master.width,
        height: master.height,
        rotation: 0,
        original: master.original,
      });
    }
    const record: ImportRecord = {
      id: randomUUID(),
      label: name,
      kind: detected.kind,
      source,
      demarcheId: target.demarcheId ?? null,
      pieceId: target.pieceId ?? null,
      order: this.deps.store.nextOrder(session),
      pages,
      grayscale: false,
      crop: false,
      format: pages.length > 1 || detected.kind === 'pdf' ? 'pdf' : 'jpg',
      limit: null,
      notes: decoded.notes,
      output: null,
      version: 0,
    };
    try {
      await renderImport(session, record, settings.maxUploadBytes, decoded.masters);
    } catch {
      // A body that does not decode fully (truncated, corrupt) shows up here, when the pixels are first read.
      await discardFiles(
        session,
        pages.map((page) => page.masterId),
      );
      return refuse(refusal('damaged', name));
    }
    if (this.deps.sessions.current() !== session) return { imported: [], refused: [], refusal: null };
    this.deps.store.add(session, record);
    session.facts.piecesImported += 1;
    this.progress(jobId, name, 'done', 1, 1);
    return { imported: [record.id], refused: [], refusal: null };
  }
}
