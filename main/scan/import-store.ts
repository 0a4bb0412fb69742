import { randomUUID } from 'node:crypto';
import type { ScanImport } from '../../preload/contract/scan';
import { CounterFault } from '../errors';
import type { ActiveSession } from '../session/session';
import type { ScanKind } from './detect';
import { uploadName } from './file-names';
import type { OutputFormat } from './render-output';
import type { Refusal } from './refusals';

/**
 * The store of imports: names, pièces and choices of each session's imports, in memory, keyed by session id. Every
 * byte (masters, upload-ready files, thumbnails) is in the session workspace, AES-256-GCM encrypted; this store
 * only holds their workspace ids. The wipe drops both (clear).
 */

/** Where an import came from: the watched folder, a file pick, a drag and drop, or a page in memory (scanner). */
export type ImportSource = 'folder' | 'pick' | 'drop' | 'scanner';

export interface StoredPage {
  masterId: string;
  width: number;
  height: number;
  rotation: number;
  /** The master is the file as it came in (Master.original). */
  original?: boolean;
}

export interface StoredOutput {
  fileId: string;
  thumbnailId: string;
  size: number;
  mime: string;
  fits: boolean;
  quality: number | null;
}

export interface ImportRecord {
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
  output: StoredOutput | null;
  version: number;
}

interface SessionScans {
  imports: Map<string, ImportRecord>;
  refusals: Array<Refusal & { id: string }>;
  notices: Array<{ id: string; message: string }>;
  nextOrder: number;
}

export const NOT_FOUND = new CounterFault(
  'scan_not_found',
  "Ce document n'existe plus dans l'accompagnement (il a peut-être été supprimé). Actualisez la liste.",
);

/** The workspace ids of an import's upload-ready file and thumbnail (none while it is being made). */
export function outputFiles(output: StoredOutput | null): string[] {
  return output ? [output.fileId, output.thumbnailId] : [];
}

/** Every workspace id an import holds: its page masters and its output. */
export function recordFiles(record: ImportRecord): string[] {
  return [...record.pages.map((page) => page.masterId), ...outputFiles(record.output)];
}

/**
 * The one workspace clean-up: removes files of the session, one after the other. A file already gone is fine,
 * and one that cannot be removed now goes with the workspace folder at the wipe (its key is forgotten first).
 */
export async function discardFiles(session: ActiveSession, ids: Iterable<string>): Promise<void> {
  for (const id of ids) await session.workspace.remove(id).catch(() => undefined);
}

export class ImportStore {
  private readonly bySession = new Map<string, SessionScans>();

  constructor(private readonly changed: () => void) {}

  private scans(session: ActiveSession): SessionScans {
    let scans = this.bySession.get(session.id);
    if (!scans) {
      scans = { imports: new Map(), refusals: [], notices: [], nextOrder: 1 };
      this.bySession.set(session.id, scans);
    }
    return scans;
  }

  /** True while the store still holds something of this session (the wipe's verification asks). */
  holds(session: ActiveSession): boolean {
    return this.bySession.has(session.id);
  }

  /** The session's imports in their order. */
  records(session: ActiveSession): ImportRecord[] {
    const scans = this.bySession.get(session.id);
    return scans ? [...scans.imports.values()].sort((a, b) => a.order - b.order) : [];
  }

  record(session: ActiveSession, id: string): ImportRecord {
    const record = this.bySession.get(session.id)?.imports.get(id);
    if (!record) throw NOT_FOUND;
    return record;
  }

  /** Takes the next place in the session's order (the order the documents arrived in). */
  nextOrder(session: ActiveSession): number {
    return this.scans(session).nextOrder++;
  }

  add(session: ActiveSession, record: ImportRecord): void {
    this.scans(session).imports.set(record.id, record);
    this.changed();
  }

  /** Forgets an import; its files are the caller's to discard (a merge keeps the pages it took). */
  forget(session: ActiveSession, id: string): void {
    this.bySession.get(session.id)?.imports.delete(id);
  }

  async remove(session: ActiveSession, id: string): Promise<void> {
    const record = this.record(session, id);
    this.forget(session, id);
    await discardFiles(session, recordFiles(record));
    this.changed();
  }

  /** Swaps an import with its neighbour within the same pièce (the page order of a later merge). */
  move(session: ActiveSession, id: string, direction: 'up' | 'down'): void {
    const record = this.record(session, id);
    const ordered = this.records(session).filter(
      (item) => item.pieceId === record.pieceId && item.demarcheId === record.demarcheId,
    );
    const index = ordered.indexOf(record);
    const other = ordered[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    [record.order, other.order] = [other.order, record.order];
    this.changed();
  }

  addRefusal(session: ActiveSession, refusal: Refusal): void {
    this.scans(session).refusals.push({ ...refusal, id: randomUUID() });
    this.changed();
  }

  addNotice(session: ActiveSession, message: string): void {
    this.scans(session).notices.push({ id: randomUUID(), message });
    this.changed();
  }

  refusals(session: ActiveSession): Array<{ id: string; name: string; reason: string; message: string }> {
    return (this.bySession.get(session.id)?.refusals ?? []).map(({ id, name, reason, message }) => ({
      id,
      name,
      reason,
      message,
    }));
  }

  notices(session: ActiveSession): Array<{ id: string; message: string }> {
    return [...(this.bySession.get(session.id)?.notices ?? [])];
  }

  /** Removes a refusal or a notice from the screen. */
  dismiss(session: ActiveSession, id: string): void {
    const scans = this.scans(session);
    scans.refusals = scans.refusals.filter((item) => item.id !== id);
    scans.notices = scans.notices.filter((item) => item.id !== id);
    this.changed();
  }

  /** Session end: forgets the names and choices and discards the files; returns how many imports there were. */
  async clear(session: ActiveSession): Promise<number> {
    const scans = this.bySession.get(session.id);
    this.bySession.delete(session.id);
    if (!scans) return 0;
    for (const record of scans.imports.values()) await discardFiles(session, recordFiles(record));
    this.changed();
    return scans.imports.size;
  }
}

/** What the screen shows of one import. */
export function summarize(record: ImportRecord, defaultLimit: number): ScanImport {
  const format = record.pages.length > 1 ? 'pdf' : record.format;
  const limit = record.limit ?? defaultLimit;
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
    limit,
    quality: record.output?.quality ?? null,
    uploadName: uploadName(record.label, format),
    notes: record.notes,
    version: record.version,
  };
}
