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
   * Imports a configuration file. Behind the web host the renderer sends the file's text; in the desktop app
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
    output: z.object({ imported: z.boolean(), sections: z.array(z.string()), mediators: z.number().int() }),
  },
} as const;

export const configEvents = {} as const;
