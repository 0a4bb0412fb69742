import { z } from 'zod';
import { CounterErrorSchema, noInput } from './common';

/** One line of the receipt as it prints: text already placed in its columns, or a QR code with its modules. */
export const ReceiptPreviewLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().max(200),
    bold: z.boolean().optional(),
    tall: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('qr'),
    payload: z.string().max(700),
    size: z.number().int().min(21).max(177),
    /** Row by row, '1' dark and '0' light. */
    modules: z.string().max(177 * 177),
  }),
]);
export type ReceiptPreviewLine = z.infer<typeof ReceiptPreviewLineSchema>;

export const ReceiptPreviewSchema = z.object({
  width: z.number().int(),
  characterSet: z.string(),
  lines: z.array(ReceiptPreviewLineSchema).max(2000),
  printed: z.boolean(),
  printing: z.boolean(),
});
export type ReceiptPreview = z.infer<typeof ReceiptPreviewSchema>;

export const PrinterStatusSchema = z.object({
  enabled: z.boolean(),
  kind: z.enum(['network', 'device', 'system']),
  /** As last measured; null when not measured yet or no printer is set up. */
  connected: z.boolean().nullable(),
  problem: CounterErrorSchema.nullable(),
  /** When that state was measured (ISO) and its age in seconds: the screen never shows an old state as current. */
  measuredAt: z.string().nullable(),
  ageSeconds: z.number().int().min(0).nullable(),
  /** 'system': the desktop app prints A4 on the system printer; 'download': the browser opens the PDF. */
  a4: z.enum(['system', 'download']),
  printing: z.boolean(),
  printed: z.boolean(),
  /** A job may have printed without confirming it: "Le reçu est-il sorti ?" comes before any new job. */
  askReceipt: z.boolean(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const PrintResultSchema = z.object({
  /** 'needs_answer': nothing sent; the mediator first answers "Le reçu est-il sorti ?" (print.answer). */
  result: z.enum(['printed', 'already_printed', 'in_progress', 'needs_answer']),
  jobId: z.string(),
  ms: z.number(),
});

export const A4ResultSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mode: z.enum(['printed', 'cancelled', 'download']),
  pdfBase64: z.string().nullable(),
});

export const printContract = {
  /** The receipt of the running session, laid out exactly as it will print. */
  'print.preview': { access: 'session', input: noInput, output: ReceiptPreviewSchema },
  /** The receipt printer's state as last measured, with its age, at once; and how A4 works here. */
  'print.status': { access: 'signedIn', input: noInput, output: PrinterStatusSchema },
  /** Measures the printer now (connection, paper, cover; up to the timeout), then its status. */
  'print.check': { access: 'signedIn', input: noInput, output: PrinterStatusSchema },
  /** The mediator's "Annuler": the running job stops for good. */
  'print.cancel': { access: 'session', input: noInput, output: z.object({ cancelled: z.boolean() }) },
  /** The answer to "Le reçu est-il sorti ?" after a job that may have printed. */
  'print.answer': {
    access: 'session',
    input: z.object({ cameOut: z.boolean() }),
    output: z.object({ printed: z.boolean() }),
  },
  /** Prints the receipt once; `reprint: true` is the explicit "Réimprimer". */
  'print.receipt': {
    access: 'session',
    input: z.object({ reprint: z.boolean().default(false) }),
    output: PrintResultSchema,
  },
  /** A4 PDF fallback: saved in the session; printed on the system printer (desktop) or returned (browser). */
  'print.a4': { access: 'session', input: noInput, output: A4ResultSchema },
  /** The référent's test page on the receipt printer. */
  'print.testPage': { access: 'referent', input: noInput, output: z.object({ ok: z.literal(true) }) },
} as const;

export const printEvents = {} as const;
