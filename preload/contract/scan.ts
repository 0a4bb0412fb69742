import { z } from 'zod';
import { noInput } from './common';

/**
 * Scanned pièces of the running accompaniment: imports from the watched scan folder, a file pick or a drag and
 * drop; the counter's choices on each (pièce, name, order, rotation, grayscale, crop, format); the folder status.
 * Bytes travel as base64 (the web host's transport is JSON); previews come back as data: URLs.
 */
const Id = z.string().uuid();
const PieceRef = z.string().min(1).max(80);

export const ScanFormatSchema = z.enum(['jpg', 'png', 'pdf']);

export const ScanImportSchema = z.object({
  id: Id,
  /** Shown name, editable by the counter. */
  label: z.string().max(200),
  kind: z.enum(['jpeg', 'png', 'tiff', 'heic', 'avif', 'pdf']),
  /** 'scanner': pages from the network scanner, imported from memory. */
  source: z.enum(['folder', 'pick', 'drop', 'scanner']),
  demarcheId: z.string().max(80).nullable(),
  /** The pièce of the démarche's checklist, or null for "autre". */
  pieceId: z.string().max(80).nullable(),
  order: z.number().int(),
  pages: z.number().int().min(1),
  rotations: z.array(z.number().int()),
  grayscale: z.boolean(),
  crop: z.boolean(),
  format: ScanFormatSchema,
  /** 'ready': fits the limit and can be uploaded; 'too_large': even the smallest attempt is over the limit. */
  status: z.enum(['processing', 'ready', 'too_large']),
  size: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  quality: z.number().int().nullable(),
  uploadName: z.string().max(200),
  notes: z.array(z.string().max(1000)),
  /** Changes whenever the file or its thumbnail changes (cache key for the screen). */
  version: z.number().int(),
});
export type ScanImport = z.infer<typeof ScanImportSchema>;

export const ScanRefusalSchema = z.object({
  id: Id,
  name: z.string().max(200),
  reason: z.string().max(40),
  message: z.string().max(1000),
});

export const ScanNoticeSchema = z.object({ id: Id, message: z.string().max(1000) });

/**
 * A file of the scan folder that was not imported by itself: refused (this session's file: named, with its reason;
 * "Réessayer" imports it again), or held because it was there before this accompaniment (it may be the previous
 * usager's: no name, only when it arrived and its size).
 */
export const ScanWaitingSchema = z.object({
  id: Id,
  /** null for a file from before this accompaniment: its name is never shown to this usager. */
  name: z.string().max(200).nullable(),
  size: z.number().int().nonnegative(),
  why: z.enum(['before_session', 'refused']),
  message: z.string().max(1000),
});

export const ScanFolderStatusSchema = z.object({
  state: z.enum(['not_configured', 'watching', 'missing', 'error']),
  folder: z.string().max(500).nullable(),
  usePolling: z.boolean(),
  message: z.string().max(1000),
});
export type ScanFolderStatus = z.infer<typeof ScanFolderStatusSchema>;

export const ScanListSchema = z.object({
  imports: z.array(ScanImportSchema),
  refusals: z.array(ScanRefusalSchema),
  notices: z.array(ScanNoticeSchema),
  waiting: z.array(ScanWaitingSchema),
  folder: ScanFolderStatusSchema,
  limit: z.number().int().positive(),
  maxInputBytes: z.number().int().positive(),
  /** The desktop app opens its own file dialog (scan.pick); a browser uses an <input type="file">. */
  nativePick: z.boolean(),
});
export type ScanList = z.infer<typeof ScanListSchema>;

const ImportTarget = z.object({
  demarcheId: z.string().max(80).nullable().optional(),
  pieceId: PieceRef.nullable().optional(),
});

export const ScanImportResultSchema = z.object({
  imported: z.array(Id),
  refused: z.array(z.object({ name: z.string(), message: z.string() })),
});

export const scanContract = {
  /** Everything of the running session: imports, refusals, notices, waiting folder files, folder status. */
  'scan.list': { access: 'mediator', input: noInput, output: ScanListSchema },
  /** Bytes from a browser file input or a drag and drop (base64). */
  'scan.importBytes': {
    access: 'session',
    input: ImportTarget.extend({
      name: z.string().max(1000),
      data: z.string().max(62_000_000),
      source: z.enum(['pick', 'drop']),
    }),
    output: ScanImportResultSchema,
  },
  /** Desktop app only: opens the system file dialog and imports the chosen files by path. */
  'scan.pick': { access: 'session', input: ImportTarget, output: ScanImportResultSchema },
  'scan.update': {
    access: 'session',
    input: z.object({
      id: Id,
      label: z.string().trim().min(1).max(200).optional(),
      demarcheId: z.string().max(80).nullable().optional(),
      pieceId: PieceRef.nullable().optional(),
      /** Quarter turn of one page (index) or of every page (no index). */
      rotate: z
        .object({ page: z.number().int().min(0).optional(), turn: z.union([z.literal(90), z.literal(-90)]) })
        .optional(),
      grayscale: z.boolean().optional(),
      crop: z.boolean().optional(),
      format: ScanFormatSchema.optional(),
      /** Size limit of the démarche (bytes); null goes back to the station's default. */
      limit: z.number().int().min(100_000).max(200_000_000).nullable().optional(),
    }),
    output: ScanImportSchema,
  },
  'scan.move': {
    access: 'session',
    input: z.object({ id: Id, direction: z.enum(['up', 'down']) }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Puts the pages of several imports, in the given order, into one PDF (recto/verso); the others disappear. */
  'scan.merge': { access: 'session', input: z.object({ ids: z.array(Id).min(2).max(50) }), output: ScanImportSchema },
  'scan.remove': { access: 'session', input: z.object({ id: Id }), output: z.object({ ok: z.literal(true) }) },
  'scan.thumbnail': { access: 'session', input: z.object({ id: Id }), output: z.object({ dataUrl: z.string() }) },
  'scan.preview': {
    access: 'session',
    input: z.object({ id: Id, page: z.number().int().min(0).default(0) }),
    output: z.object({ dataUrl: z.string(), pages: z.number().int() }),
  },
  /** Removes a refusal or a notice from the screen. */
  'scan.dismiss': { access: 'session', input: z.object({ id: Id }), output: z.object({ ok: z.literal(true) }) },
  /** A waiting file of the scan folder: import it for this usager (or try a refused one again), or delete it. */
  'scan.waitingImport': { access: 'session', input: ImportTarget.extend({ id: Id }), output: ScanImportResultSchema },
  'scan.waitingDelete': { access: 'session', input: z.object({ id: Id }), output: z.object({ ok: z.literal(true) }) },
  /** Référent: checks a folder (exists, readable, writable: a test file appears and is removed). */
  'scan.testFolder': {
    access: 'referent',
    input: z.object({ folder: z.string().trim().min(1).max(500) }),
    output: z.object({
      ok: z.boolean(),
      checks: z.array(z.object({ label: z.string(), ok: z.boolean(), message: z.string() })),
    }),
  },
} as const;

export const scanEvents = {
  /** Something in the list changed: the screen reads scan.list again. */
  'scan.changed': z.object({}),
  'scan.folder': ScanFolderStatusSchema,
  /** Progress of one import (a file read, pages drawn, the upload-ready file prepared). */
  'scan.progress': z.object({
    jobId: z.string(),
    name: z.string().max(200),
    step: z.enum(['reading', 'pages', 'preparing', 'done', 'refused']),
    done: z.number().int(),
    total: z.number().int(),
  }),
} as const;
