import { randomUUID } from 'node:crypto';
import { open, lstat, readFile, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ScanFolderStatus, ScanImport, ScanList } from '../../preload/contract/scan';
import type { ConfigStore } from '../config/config-store';
import type { EventBus } from '../events';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/session';
import type { SessionService } from '../session/service';
import { CounterFault } from '../errors';
import { detectKind, SNIFF_BYTES, type ScanKind } from './detect';
import { safeName, uploadName } from './file-names';
import { decodePages, renderOutput, type Master, type OutputFormat } from './normalize';
import { refusal, RefusedFile, type Refusal } from './refusals';
import sharp from 'sharp';
import { FolderWatcher, type FolderState } from './watcher';

/**
 * The session's imports. Metadata (names, pièces, choices) lives here in memory, keyed by session id; every byte
 * (masters, upload-ready files, thumbnails) is in the session workspace, AES-256-GCM encrypted. The wipe drops
 * both (join → clear). Imports run one at a time, so memory stays bounded whatever arrives at once.
 *
 * Scan folder rule: the watcher imports only while a session runs, and only files written after the session
 * started. A file already in the folder when the session starts (or arriving with no session) may be the previous
 * usager's paper: it is never attached by itself but listed as "waiting", and the mediator chooses to import it
 * for this usager or to delete it. After a successful import the original is deleted from the folder; if that
 * fails, the mediator is told.
 */

export type ImportSource = 'folder' | 'pick' | 'drop' | 'scanner';

interface StoredPage {
  masterId: string;
  width: number;
  height: number;
  rotation: number;
}

interface ImportRecord {
  id: string;
  label: string;
  kind: ScanKind;
  source: ImportSource;
  demarcheId: string | null;
  pieceId: string | null;
  order: number;
  pages: StoredPage[];
  grayscale: boolean;
  crop: boolean;
  format: OutputFormat;
  limit: number | null;
  notes: string[];
  output: {
    fileId: string;
    thumbnailId: string;
    size: number;
    mime: string;
    fits: boolean;
    quality: number | null;
  } | null;
  version: number;
}

interface SessionScans {
  imports: Map<string, ImportRecord>;
  refusals: Array<Refusal & { id: string }>;
  notices: Array<{ id: string; message: string }>;
  nextOrder: number;
}

interface WaitingFile {
  id: string;
  path: string;
  name: string;
  size: number;
  why: 'before_session' | 'refused' | 'no_session';
  message: string;
}

export interface ImportTarget {
  demarcheId?: string | null;
  pieceId?: string | null;
}

export interface ImportOutcome {
  imported: string[];
  refused: Array<{ name: string; message: string }>;
}

export interface ScanServiceDeps {
  sessions: SessionService;
  config: Pick<ConfigStore, 'section'>;
  bus?: Pick<EventBus, 'emit'>;
  log?: Logger;
  /** Tells the référent (journal) when scanned originals cannot be removed from the shared folder. */
  journal?: Pick<Journal, 'append'>;
  /** The desktop app's file dialog (main/scan/electron-pick.ts); absent behind the web host. */
  pickFiles?: () => Promise<string[]>;
  /** Milliseconds a folder file's size must stay unchanged before import. */
  stableMs?: number;
  checkEveryMs?: number;
}

const NOT_FOUND = new CounterFault(
  'scan_not_found',
  "Ce document n'existe plus dans l'accompagnement (il a peut-être été supprimé). Actualisez la liste.",
);

export class ScanService {
  private readonly bySession = new Map<string, SessionScans>();
  private readonly waiting = new Map<string, WaitingFile>();
  private readonly inFlight = new Set<string>();
  /** Folder files already imported (path → modification time): an original that could not be deleted is not imported twice. */
  private readonly handled = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: FolderWatcher | null = null;
  private watched: { folder: string | null; usePolling: boolean } = { folder: null, usePolling: false };
  private folderState: FolderState | null = null;
  private configTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ScanServiceDeps) {
    deps.sessions.join({
      name: 'scan',
      label: 'les pièces importées',
      clear: (session) => this.clear(session),
      verify: (session) => (this.bySession.has(session.id) ? ['pièces importées encore en mémoire'] : []),
    });
  }

  // ---- settings and folder watching ----

  private settings() {
    return this.deps.config.section('scan');
  }

  /** Starts watching the configured folder and follows configuration changes. */
  async start(): Promise<void> {
    await this.applyConfig();
    this.configTimer = setInterval(() => {
      this.applyConfig().catch(() => this.deps.log?.warn('scan.config_unreadable'));
    }, 2_000);
    this.configTimer.unref?.();
  }

  async close(): Promise<void> {
    if (this.configTimer) clearInterval(this.configTimer);
    this.configTimer = null;
    await this.watcher?.close();
    this.watcher = null;
    this.watched = { folder: null, usePolling: false };
    this.folderState = null;
  }

  /** Re-reads the scan section; restarts the watcher when the folder or the polling option changed. */
  async applyConfig(): Promise<void> {
    const { folder, usePolling } = this.settings();
    if (folder === this.watched.folder && usePolling === this.watched.usePolling) return;
    this.watched = { folder, usePolling };
    await this.watcher?.close();
    this.watcher = null;
    this.folderState = null;
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
          this.changed();
        },
        onState: (state) => {
          this.folderState = state;
          if (state === 'missing') this.waiting.clear();
          this.deps.bus?.emit('scan.folder', this.folderStatus());
          this.changed();
        },
      });
      await this.watcher.start();
    }
    this.deps.bus?.emit('scan.folder', this.folderStatus());
  }

  folderStatus(): ScanFolderStatus {
    const { folder, usePolling } = this.settings();
    if (!folder) {
      return {
        state: 'not_configured',
        folder: null,
        usePolling,
        message:
          "Aucun dossier de numérisation n'est réglé. Le référent numérique peut le régler ; en attendant, choisissez les fichiers ou déposez-les ici.",
      };
    }
    const state = this.watched.folder === folder ? this.folderState : null;
    if (state === 'watching') {
      return {
        state,
        folder,
        usePolling,
        message: 'Le dossier de numérisation est surveillé : les documents scannés arrivent ici.',
      };
    }
    if (state === 'error') {
      return {
        state,
        folder,
        usePolling,
        message:
          "Le dossier de numérisation ne peut pas être surveillé (erreur d'accès). Vérifiez le partage réseau ; l'application réessaie toute seule.",
      };
    }
    return {
      state: 'missing',
      folder,
      usePolling,
      message:
        "Le dossier de numérisation est introuvable (partage réseau coupé ou disque débranché). Les scans n'arrivent plus ; l'application reprend toute seule quand le dossier revient. En attendant, choisissez les fichiers ou déposez-les ici.",
    };
  }

  private onFolderFile(path: string): void {
    if (this.inFlight.has(path)) return;
    void this.considerFolderFile(path).catch((error: unknown) => {
      this.deps.log?.error('scan.folder_file_failed', { kind: error instanceof Error ? error.name : typeof error });
    });
  }

  private async considerFolderFile(path: string): Promise<void> {
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
    await this.importFolderPath(session, path, {});
  }

  private addWaiting(path: string, name: string, size: number, why: WaitingFile['why'], message: string): void {
    const id = randomUUID();
    this.waiting.set(id, { id, path, name, size, why, message });
    this.changed();
  }

  private async importFolderPath(session: ActiveSession, path: string, target: ImportTarget): Promise<ImportOutcome> {
    this.inFlight.add(path);
    try {
      const outcome = await this.importPath(session, path, 'folder', target);
      const name = safeName(basename(path));
      if (outcome.imported.length > 0) {
        const imported = await lstat(path).catch(() => null);
        if (imported) this.handled.set(path, imported.mtimeMs);
        try {
          await unlink(path);
          this.handled.delete(path);
        } catch {
          this.deps.journal?.append('scan.delete_failed', {}, session.mediator.pseudonym);
          this.notice(
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
    this.changed();
    return this.importFolderPath(session, file.path, target);
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
    this.changed();
  }

  // ---- imports ----

  private scans(session: ActiveSession): SessionScans {
    let scans = this.bySession.get(session.id);
    if (!scans) {
      scans = { imports: new Map(), refusals: [], notices: [], nextOrder: 1 };
      this.bySession.set(session.id, scans);
    }
    return scans;
  }

  private changed(): void {
    this.deps.bus?.emit('scan.changed', {});
  }

  private progress(
    jobId: string,
    name: string,
    step: 'reading' | 'pages' | 'preparing' | 'done' | 'refused',
    done = 0,
    total = 1,
  ): void {
    this.deps.bus?.emit('scan.progress', { jobId, name: name.slice(0, 200), step, done, total });
  }

  private notice(session: ActiveSession, message: string): void {
    this.scans(session).notices.push({ id: randomUUID(), message });
    this.changed();
  }

  private refused(session: ActiveSession, jobId: string, found: Refusal): ImportOutcome {
    this.scans(session).refusals.push({ ...found, id: randomUUID() });
    this.progress(jobId, found.name, 'refused');
    this.changed();
    return { imported: [], refused: [{ name: found.name, message: found.message }] };
  }

  /** Runs one import after the others: bounded memory whatever arrives at once. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Imports a file by path (folder or desktop file dialog). Its size is checked BEFORE it is read: a 200 MB file is
   * refused without being loaded. Symlinks and anything but a plain file are refused.
   */
  async importPath(
    session: ActiveSession,
    path: string,
    source: ImportSource,
    target: ImportTarget = {},
  ): Promise<ImportOutcome> {
    const name = safeName(basename(path));
    const jobId = randomUUID();
    const { maxInputBytes } = this.settings();
    let info;
    try {
      info = await lstat(path);
    } catch {
      return this.refused(session, jobId, refusal('vanished', name));
    }
    if (info.isSymbolicLink()) return this.refused(session, jobId, refusal('symlink', name));
    if (!info.isFile()) return this.refused(session, jobId, refusal('not_a_file', name));
    if (info.size === 0) return this.refused(session, jobId, refusal('empty', name));
    if (info.size > maxInputBytes) {
      return this.refused(session, jobId, refusal('too_large', name, { size: info.size, limit: maxInputBytes }));
    }
    return this.serial(async () => {
      this.progress(jobId, name, 'reading');
      let bytes: Buffer;
      try {
        const head = await readHead(path);
        const detected = detectKind(head);
        if (!detected.accepted)
          return this.refused(session, jobId, refusal('foreign', name, { foreign: detected.kind }));
        bytes = await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return this.refused(session, jobId, refusal(code === 'ENOENT' ? 'vanished' : 'unreadable', name));
      }
      return this.process(session, jobId, name, bytes, source, target);
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
    const { maxInputBytes } = this.settings();
    if (bytes.length === 0) return this.refused(session, jobId, refusal('empty', name));
    if (bytes.length > maxInputBytes) {
      return this.refused(session, jobId, refusal('too_large', name, { size: bytes.length, limit: maxInputBytes }));
    }
    return this.serial(() => this.process(session, jobId, name, bytes, source, target));
  }

  /**
   * Pages straight from memory (the network scanner, main/scanner): each page is checked like a file, and all of
   * them become ONE import of the pièce (a PDF when there are several). Nothing is written in clear on the way.
   */
  async importPages(
    session: ActiveSession,
    rawName: string,
    pages: Buffer[],
    source: ImportSource,
    target: ImportTarget = {},
  ): Promise<ImportOutcome> {
    const name = safeName(rawName);
    const jobId = randomUUID();
    const { maxInputBytes } = this.settings();
    if (pages.length === 0 || pages.some((page) => page.length === 0)) {
      return this.refused(session, jobId, refusal('empty', name));
    }
    const size = pages.reduce((sum, page) => sum + page.length, 0);
    if (size > maxInputBytes)
      return this.refused(session, jobId, refusal('too_large', name, { size, limit: maxInputBytes }));
    return this.serial(() => this.process(session, jobId, name, pages, source, target));
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
      const one = await this.importPath(session, path, 'pick', target);
      outcome.imported.push(...one.imported);
      outcome.refused.push(...one.refused);
    }
    return outcome;
  }

  private async process(
    session: ActiveSession,
    jobId: string,
    name: string,
    input: Buffer | Buffer[],
    source: ImportSource,
    target: ImportTarget,
  ): Promise<ImportOutcome> {
    const parts = Array.isArray(input) ? input : [input];
    const kinds = parts.map((bytes) => detectKind(bytes.subarray(0, SNIFF_BYTES)));
    const foreign = kinds.find((kind) => !kind.accepted);
    if (foreign) return this.refused(session, jobId, refusal('foreign', name, { foreign: foreign.kind }));
    const detected = kinds[0]!;
    const { maxPixels, maxPages } = this.settings();
    const decoded: { masters: Master[]; notes: string[] } = { masters: [], notes: [] };
    try {
      for (const [index, bytes] of parts.entries()) {
        const one = await decodePages(
          bytes,
          kinds[index]!.kind as ScanKind,
          name,
          { maxPixels, maxPages },
          (done, total) =>
            this.progress(
              jobId,
              name,
              'pages',
              parts.length > 1 ? index + 1 : done,
              parts.length > 1 ? parts.length : total,
            ),
        );
        decoded.masters.push(...one.masters);
        decoded.notes.push(...one.notes);
      }
      if (decoded.masters.length > maxPages)
        throw new RefusedFile(refusal('too_many_pages', name, { pages: decoded.masters.length, limit: maxPages }));
    } catch (error) {
      if (error instanceof RefusedFile) return this.refused(session, jobId, error.refusal);
      this.deps.log?.warn('scan.decode_failed', { kind: detected.kind });
      return this.refused(session, jobId, refusal('damaged', name));
    }
    if (this.deps.sessions.current() !== session) return { imported: [], refused: [] };
    this.progress(jobId, name, 'preparing', decoded.masters.length, decoded.masters.length);
    const pages: StoredPage[] = [];
    for (const master of decoded.masters) {
      pages.push({
        masterId: await session.workspace.put(master.bytes),
        width: master.width,
        height: master.height,
        rotation: 0,
      });
    }
    const scans = this.scans(session);
    const record: ImportRecord = {
      id: randomUUID(),
      label: name,
      kind: detected.kind as ScanKind,
      source,
      demarcheId: target.demarcheId ?? null,
      pieceId: target.pieceId ?? null,
      order: scans.nextOrder++,
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
      await this.render(session, record, decoded.masters);
    } catch {
      // A body that does not decode fully (truncated, corrupt) shows up here, when the pixels are first read.
      for (const page of pages) await session.workspace.remove(page.masterId).catch(() => undefined);
      return this.refused(session, jobId, refusal('damaged', name));
    }
    if (this.deps.sessions.current() !== session) return { imported: [], refused: [] };
    scans.imports.set(record.id, record);
    session.facts.piecesImported += 1;
    this.progress(jobId, name, 'done', 1, 1);
    this.changed();
    return { imported: [record.id], refused: [] };
  }

  /** (Re)builds the upload-ready file and the thumbnail of one import from its masters and choices. */
  private async render(session: ActiveSession, record: ImportRecord, masters?: Master[]): Promise<void> {
    const loaded =
      masters ??
      (await Promise.all(
        record.pages.map(async (page) => ({
          bytes: await session.workspace.read(page.masterId),
          width: page.width,
          height: page.height,
        })),
      ));
    const limit = this.limitOf(record);
    const output = await renderOutput(loaded, {
      format: record.pages.length > 1 ? 'pdf' : record.format,
      grayscale: record.grayscale,
      crop: record.crop,
      limit,
      pages: record.pages.map((page) => ({ rotation: page.rotation })),
    });
    const previous = record.output;
    record.output = {
      fileId: await session.workspace.put(output.bytes),
      thumbnailId: await session.workspace.put(output.thumbnail),
      size: output.bytes.length,
      mime: output.mime,
      fits: output.fits,
      quality: output.quality,
    };
    record.version += 1;
    if (previous) {
      await session.workspace.remove(previous.fileId);
      await session.workspace.remove(previous.thumbnailId);
    }
  }

  private limitOf(record: ImportRecord): number {
    return record.limit ?? this.settings().maxUploadBytes;
  }

  private recordOf(session: ActiveSession, id: string): ImportRecord {
    const record = this.scans(session).imports.get(id);
    if (!record) throw NOT_FOUND;
    return record;
  }

  private summary(record: ImportRecord): ScanImport {
    const format = record.pages.length > 1 ? 'pdf' : record.format;
    const extension = format;
    return {
      id: record.id,
      label: record.label,
      kind: record.kind,
      source: record.source,
      demarcheId: record.demarcheId,
      pieceId: record.pieceId,
      order: record.order,
      pages: record.pages.length,
      rotations: record.pages.map((page) => page.rotation),
      grayscale: record.grayscale,
      crop: record.crop,
      format,
      status: !record.output ? 'processing' : record.output.fits ? 'ready' : 'too_large',
      size: record.output?.size ?? 0,
      limit: this.limitOf(record),
      quality: record.output?.quality ?? null,
      uploadName: uploadName(record.label, extension),
      notes: record.notes,
      version: record.version,
    };
  }

  list(session: ActiveSession | null): ScanList {
    const scans = session ? this.scans(session) : null;
    const settings = this.settings();
    return {
      imports: scans
        ? [...scans.imports.values()].sort((a, b) => a.order - b.order).map((record) => this.summary(record))
        : [],
      refusals: scans?.refusals.map(({ id, name, reason, message }) => ({ id, name, reason, message })) ?? [],
      notices: scans?.notices ?? [],
      waiting: session
        ? [...this.waiting.values()].map(({ id, name, size, why, message }) => ({
            id,
            name,
            size,
            why: why === 'no_session' ? 'before_session' : why,
            message: why === 'no_session' ? beforeSessionMessage(name) : message,
          }))
        : [],
      folder: this.folderStatus(),
      limit: settings.maxUploadBytes,
      maxInputBytes: settings.maxInputBytes,
      nativePick: Boolean(this.deps.pickFiles),
    };
  }

  get(session: ActiveSession, id: string): ScanImport {
    return this.summary(this.recordOf(session, id));
  }

  async update(
    session: ActiveSession,
    id: string,
    changes: {
      label?: string;
      demarcheId?: string | null;
      pieceId?: string | null;
      rotate?: { page?: number; turn: 90 | -90 };
      grayscale?: boolean;
      crop?: boolean;
      format?: OutputFormat;
      limit?: number | null;
    },
  ): Promise<ScanImport> {
    const record = this.recordOf(session, id);
    if (changes.label !== undefined) record.label = safeName(changes.label);
    if (changes.demarcheId !== undefined) record.demarcheId = changes.demarcheId;
    if (changes.pieceId !== undefined) record.pieceId = changes.pieceId;
    let rerender = false;
    if (changes.rotate) {
      const { page, turn } = changes.rotate;
      const targets = page === undefined ? record.pages : [record.pages[page]].filter((item) => item !== undefined);
      if (targets.length === 0) throw NOT_FOUND;
      for (const item of targets) item.rotation = (((item.rotation + turn) % 360) + 360) % 360;
      rerender = true;
    }
    if (changes.grayscale !== undefined && changes.grayscale !== record.grayscale) {
      record.grayscale = changes.grayscale;
      rerender = true;
    }
    if (changes.crop !== undefined && changes.crop !== record.crop) {
      record.crop = changes.crop;
      rerender = true;
    }
    if (changes.format !== undefined && changes.format !== record.format) {
      if (record.pages.length > 1 && changes.format !== 'pdf') {
        throw new CounterFault(
          'scan_format_pages',
          'Ce document a plusieurs pages : il ne peut être envoyé qu’en PDF. Séparez les pages en les scannant une à une si le site demande des images.',
        );
      }
      record.format = changes.format;
      rerender = true;
    }
    if (changes.limit !== undefined && changes.limit !== record.limit) {
      record.limit = changes.limit;
      rerender = true;
    }
    if (rerender) {
      const jobId = randomUUID();
      this.progress(jobId, record.label, 'preparing');
      await this.serial(() => this.render(session, record));
      this.progress(jobId, record.label, 'done', 1, 1);
    }
    this.changed();
    return this.summary(record);
  }

  move(session: ActiveSession, id: string, direction: 'up' | 'down'): void {
    const record = this.recordOf(session, id);
    // Order counts within one pièce (page order of a later merge): swap with the neighbour of the same pièce.
    const ordered = [...this.scans(session).imports.values()]
      .filter((item) => item.pieceId === record.pieceId && item.demarcheId === record.demarcheId)
      .sort((a, b) => a.order - b.order);
    const index = ordered.indexOf(record);
    const other = ordered[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    [record.order, other.order] = [other.order, record.order];
    this.changed();
  }

  /** Several imports → one PDF whose pages follow the given order (recto/verso); the others are removed. */
  async merge(session: ActiveSession, ids: string[]): Promise<ScanImport> {
    const records = ids.map((id) => this.recordOf(session, id));
    if (new Set(ids).size !== ids.length) throw NOT_FOUND;
    const [first, ...rest] = records as [ImportRecord, ...ImportRecord[]];
    const { maxPages } = this.settings();
    const pages = records.flatMap((record) => record.pages);
    if (pages.length > maxPages) {
      throw new CounterFault(
        'scan_too_many_pages',
        `Un document ne peut pas avoir plus de ${maxPages} pages. Assemblez moins de pages.`,
      );
    }
    first.pages = pages;
    first.format = 'pdf';
    first.notes = records.flatMap((record) => record.notes);
    const jobId = randomUUID();
    this.progress(jobId, first.label, 'preparing');
    await this.serial(() => this.render(session, first));
    for (const record of rest) {
      this.scans(session).imports.delete(record.id);
      if (record.output) {
        await session.workspace.remove(record.output.fileId);
        await session.workspace.remove(record.output.thumbnailId);
      }
    }
    this.progress(jobId, first.label, 'done', 1, 1);
    this.changed();
    return this.summary(first);
  }

  async remove(session: ActiveSession, id: string): Promise<void> {
    const record = this.recordOf(session, id);
    this.scans(session).imports.delete(id);
    for (const page of record.pages) await session.workspace.remove(page.masterId);
    if (record.output) {
      await session.workspace.remove(record.output.fileId);
      await session.workspace.remove(record.output.thumbnailId);
    }
    this.changed();
  }

  dismiss(session: ActiveSession, id: string): void {
    const scans = this.scans(session);
    scans.refusals = scans.refusals.filter((item) => item.id !== id);
    scans.notices = scans.notices.filter((item) => item.id !== id);
    this.changed();
  }

  async thumbnail(session: ActiveSession, id: string): Promise<Buffer> {
    const record = this.recordOf(session, id);
    if (!record.output) throw NOT_FOUND;
    return session.workspace.read(record.output.thumbnailId);
  }

  /** A large JPEG of one page as it will be sent (rotation, grayscale and crop applied). */
  async preview(session: ActiveSession, id: string, pageIndex: number): Promise<{ bytes: Buffer; pages: number }> {
    const record = this.recordOf(session, id);
    const page = record.pages[Math.min(pageIndex, record.pages.length - 1)]!;
    const master = await session.workspace.read(page.masterId);
    let image = sharp(master);
    if (page.rotation) image = image.rotate(page.rotation);
    if (record.crop) image = image.trim({ background: '#ffffff', threshold: 40 });
    if (record.grayscale) image = image.grayscale();
    const bytes = await image
      .resize(1400, 1400, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { bytes, pages: record.pages.length };
  }

  /** For the flow and the official-site view: the file to upload, or a French fault if it is not ready. */
  async uploadReady(session: ActiveSession, id: string): Promise<{ name: string; bytes: Buffer; mime: string }> {
    const record = this.recordOf(session, id);
    const summary = this.summary(record);
    if (!record.output || summary.status !== 'ready') {
      throw new CounterFault(
        'scan_too_large',
        `Le document « ${record.label} » dépasse la taille acceptée par le site (${Math.round(summary.limit / 1000)} ko), même réduit. Passez-le en noir et blanc, recadrez-le, ou scannez-le en plus basse résolution.`,
      );
    }
    return {
      name: summary.uploadName,
      bytes: await session.workspace.read(record.output.fileId),
      mime: record.output.mime,
    };
  }

  /** Session end: forget the names and choices; the workspace (and its key) goes with the session. */
  async clear(session: ActiveSession): Promise<{ imports: number }> {
    const scans = this.bySession.get(session.id);
    this.bySession.delete(session.id);
    if (!scans) return { imports: 0 };
    for (const record of scans.imports.values()) {
      for (const page of record.pages) await session.workspace.remove(page.masterId).catch(() => undefined);
      if (record.output) {
        await session.workspace.remove(record.output.fileId).catch(() => undefined);
        await session.workspace.remove(record.output.thumbnailId).catch(() => undefined);
      }
    }
    // An original that could not be deleted shows at the next session as a file from before it.
    this.handled.clear();
    // Files still waiting in the folder stay listed: at the next session they show as "before this session".
    for (const file of this.waiting.values()) if (file.why === 'before_session') file.why = 'no_session';
    this.changed();
    return { imports: scans.imports.size };
  }
}

function beforeSessionMessage(name: string): string {
  return `Le fichier « ${name} » était déjà dans le dossier de numérisation avant le début de cet accompagnement : il vient peut-être de l'usager précédent. Importez-le seulement s'il appartient à cet usager ; sinon supprimez-le.`;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
