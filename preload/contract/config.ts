import { z } from 'zod';
import { noInput } from './common';

/** Section names of the station configuration (main/config/station-config.ts holds the full schemas). */
export const ConfigSectionNameSchema = z.enum([
  'station',
  'printer',
  'scan',
  'session',
  'demarches',
  'site',
  'survey',
  'retention',
]);

export const configContract = {
  /** The whole station configuration (sections with defaults applied). */
  'config.get': { input: noInput, output: z.record(z.string(), z.unknown()) },
  /** Replaces one section after validation by main/config; returns the stored value. */
  'config.saveSection': {
    input: z.object({ section: ConfigSectionNameSchema, value: z.unknown() }),
    output: z.unknown(),
  },
} as const;

export const configEvents = {} as const;
