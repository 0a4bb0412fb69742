import { z } from 'zod';

export const JournalEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  code: z.string(),
  actor: z.string().nullable(),
  details: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
});
export type JournalEntryView = z.infer<typeof JournalEntrySchema>;

/** Reading the station's journal is for the référent only (main/journal/handlers.ts checks it). */
export const journalContract = {
  'journal.list': {
    access: 'referent',
    input: z.object({
      code: z.string().max(64).optional(),
      /** ISO dates (YYYY-MM-DD) or times; `to` is exclusive. */
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      entries: z.array(JournalEntrySchema),
      codes: z.array(z.string()),
      /** The hash chain over every row (main/journal/chain.ts): intact, or the first row that does not follow. */
      chain: z.object({ intact: z.boolean(), rows: z.number().int(), brokenAt: z.number().int().nullable() }),
    }),
  },
} as const;

export const journalEvents = {} as const;
