import { z } from 'zod';
import { noInput, okReply } from './common';
import { SectionPatchesSchema, StationConfigSchema } from './config-sections';

export * from './config-sections';

export const MediatorViewSchema = z.object({
  id: z.number().int(),
  pseudonym: z.string(),
  active: z.boolean(),
  /** ISO time until which the account waits after wrong PINs, or null. */
  lockedUntil: z.string().nullable(),
});
export type MediatorView = z.infer<typeof MediatorViewSchema>;

const Pin = z.string().max(64);

/** Largest configuration file accepted on import (the check with a French message is in main/config). */
export const CONFIG_FILE_MAX_BYTES = 1024 * 1024;

const ImportResultSchema = z.object({
  imported: z.boolean(),
  sections: z.array(z.string()),
  mediators: z.number().int(),
});

/** One field an import would change, with both values as the référent reads them (French, no PIN hash). */
export const ImportFieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

export const ImportPreviewSchema = z.object({
  picked: z.boolean(),
  token: z.string().optional(),
  sections: z
    .array(z.object({ section: z.string(), label: z.string(), changes: z.array(ImportFieldChangeSchema) }))
    .max(20),
  /** Sentences about accounts and codes (« Le code du référent sera remplacé. », « Médiateur ajouté : Lou. »). */
  accounts: z.array(z.string()).max(600),
  /** What needs the référent's attention: sites allowed by exception, outside the official domains. */
  warnings: z.array(z.string()).max(50),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/**
 * Every channel here is for the référent: main/config refuses it without a valid référent sign-in
 * (access.referentSignIn).
 */
export const configContract = {
  /** The whole station configuration (sections with defaults applied). */
  'config.get': { access: 'referent', input: noInput, output: StationConfigSchema },
  /**
   * Saves some fields of one or more sections, merged over what is stored, in one transaction: every section is
   * validated first and nothing is written when one is wrong. Returns the whole configuration as stored.
   */
  'config.saveSections': {
    access: 'referent',
    input: z.object({ sections: SectionPatchesSchema }),
    output: StationConfigSchema,
  },
  'config.listMediators': { access: 'referent', input: noInput, output: z.array(MediatorViewSchema) },
  'config.addMediator': {
    access: 'referent',
    input: z.object({ pseudonym: z.string().max(80), pin: Pin }),
    output: MediatorViewSchema,
  },
  'config.setMediatorActive': {
    access: 'referent',
    input: z.object({ id: z.number().int(), active: z.boolean() }),
    output: okReply,
  },
  'config.resetMediatorPin': {
    access: 'referent',
    input: z.object({ id: z.number().int(), pin: Pin }),
    output: okReply,
  },
  'config.changeReferentPin': { access: 'referent', input: z.object({ pin: Pin }), output: okReply },
  /**
   * Exports the configuration as one JSON file (never session data). The PIN hashes only when asked, and only with
   * the référent PIN typed again (`referentPin`, checked with the sign-in's lockout). In the desktop
   * app a save dialog writes it and `text` is absent; behind the web host `text` comes back for the renderer to
   * download.
   */
  'config.export': {
    access: 'referent',
    input: z.object({ includePins: z.boolean().default(false), referentPin: Pin.optional() }),
    output: z.object({ fileName: z.string(), saved: z.boolean(), text: z.string().optional() }),
  },
  /**
   * Reads a configuration file and says what importing it would change, section by section and field by field (in
   * French, never a PIN hash); nothing is written. The same file text or open dialog as `config.import`.
   * `picked` is false when the dialog was cancelled. `token` names the read file for `config.applyImport`.
   */
  'config.previewImport': {
    access: 'referent',
    input: z.object({
      text: z
        .string()
        .max(16 * CONFIG_FILE_MAX_BYTES)
        .optional(),
    }),
    output: ImportPreviewSchema,
  },
  /** Applies the file a preview read (its `token`), after the référent confirmed; checked again before writing. */
  'config.applyImport': {
    access: 'referent',
    input: z.object({ token: z.string().max(100) }),
    output: ImportResultSchema,
  },
  /**
   * Stored settings that were read back as their defaults (a bad or unsafe stored field falls back alone), with
   * why, in French: the référent area shows them.
   */
  'config.resetFields': {
    access: 'referent',
    input: noInput,
    output: z.array(z.object({ field: z.string(), message: z.string() })).max(200),
  },
  /**
   * First start only: imports a configuration file that carries the référent PIN. Behind the web host the renderer sends the file's text; in the desktop app
   * `text` is absent and an open dialog asks for the file. `imported` is false when the dialog was cancelled.
   */
  'config.import': {
    access: 'setup',
    input: z.object({
      text: z
        .string()
        .max(16 * CONFIG_FILE_MAX_BYTES)
        .optional(),
    }),
    output: ImportResultSchema,
  },
} as const;

export const configEvents = {} as const;
