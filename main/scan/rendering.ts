import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ScanImport } from '../../preload/contract/scan';
import type { StationConfig } from '../../preload/contract/config-sections';
import { CounterFault } from '../errors';
import type { ActiveSession } from '../session/session';
import { safeName } from './file-names';
import type { ImportQueue } from './import-queue';
import { discardFiles, NOT_FOUND, outputFiles, summarize, type ImportRecord, type ImportStore } from './import-store';
import type { Master } from './masters';
import { renderOutput, type OutputFormat } from './render-output';

/**
 * Re-rendering: the upload-ready file and thumbnail of an import are (re)built from its page masters whenever the
 * counter's choices change (rotation, grayscale, crop, format, size limit, a merge). Each rebuild waits its turn in
 * the import queue, so memory stays bounded. Also the reads of what was rendered: thumbnail, preview, upload.
 */

export interface ImportChanges {
  label?: string;
  demarcheId?: string | null;
  pieceId?: string | null;
  rotate?: { page?: number; turn: 90 | -90 };
  grayscale?: boolean;
  crop?: boolean;
  format?: OutputFormat;
  limit?: number | null;
}

/** (Re)builds the upload-ready file and the thumbnail of one import from its masters and choices. */
export async function renderImport(
  session: ActiveSession,
  record: ImportRecord,
  defaultLimit: number,
  masters?: Master[],
): Promise<void> {
  const loaded =
    masters ??
    (await Promise.all(
      record.pages.map(async (page) => ({
        bytes: await session.workspace.read(page.masterId),
        width: page.width,
        height: page.height,
        original: page.original,
      })),
    ));
  const output = await renderOutput(loaded, {
    format: record.pages.length > 1 ? 'pdf' : record.format,
    grayscale: record.grayscale,
    crop: record.crop,
    limit: record.limit ?? defaultLimit,
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
  await discardFiles(session, outputFiles(previous));
}

export interface RenderingDeps {
  store: ImportStore;
  queue: Pick<ImportQueue, 'serial' | 'progress'>;
  settings(): StationConfig['scan'];
  changed(): void;
}

export class ImportRendering {
  constructor(private readonly deps: RenderingDeps) {}

  private summary(record: ImportRecord): ScanImport {
    return summarize(record, this.deps.settings().maxUploadBytes);
  }

  /** Rebuilds in the queue, with progress events for the screen. */
  private async rerender(session: ActiveSession, record: ImportRecord): Promise<void> {
    const jobId = randomUUID();
    this.deps.queue.progress(jobId, record.label, 'preparing');
    await this.deps.queue.serial(() => renderImport(session, record, this.deps.settings().maxUploadBytes));
    this.deps.queue.progress(jobId, record.label, 'done', 1, 1);
  }

  async update(session: ActiveSession, id: string, changes: ImportChanges): Promise<ScanImport> {
    const record = this.deps.store.record(session, id);
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
    if (rerender) await this.rerender(session, record);
    this.deps.changed();
    return this.summary(record);
  }

  /** Several imports → one PDF whose pages follow the given order (recto/verso); the others are removed. */
  async merge(session: ActiveSession, ids: string[]): Promise<ScanImport> {
    const records = ids.map((id) => this.deps.store.record(session, id));
    if (new Set(ids).size !== ids.length) throw NOT_FOUND;
    const [first, ...rest] = records as [ImportRecord, ...ImportRecord[]];
    const { maxPages } = this.deps.settings();
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
    await this.rerender(session, first);
    // The other imports' pages now belong to the first one: only their outputs go.
    for (const record of rest) {
      this.deps.store.forget(session, record.id);
      await discardFiles(session, outputFiles(record.output));
    }
    this.deps.changed();
    return this.summary(first);
  }

  async thumbnail(session: ActiveSession, id: string): Promise<Buffer> {
    const record = this.deps.store.record(session, id);
    if (!record.output) throw NOT_FOUND;
    return session.workspace.read(record.output.thumbnailId);
  }

  /** A large JPEG of one page as it will be sent (rotation, grayscale and crop applied). */
  async preview(session: ActiveSession, id: string, pageIndex: number): Promise<{ bytes: Buffer; pages: number }> {
    const record = this.deps.store.record(session, id);
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
    const record = this.deps.store.record(session, id);
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
}
