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
  /** null when no printer is set up. */
  connected: z.boolean().nullable(),
  problem: CounterErrorSchema.nullable(),
  /** 'system': the desktop app prints A4 on the system printer; 'download': the browser opens the PDF. */
  a4: z.enum(['system', 'download']),
  printing: z.boolean(),
  printed: z.boolean(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const PrintResultSchema = z.object({
  result: z.enum(['printed', 'already_printed', 'in_progress']),
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
  /** Whether the receipt printer answers (isPrinterConnected, paper, cover) and how A4 works here. */
  'print.status': { access: 'signedIn', input: noInput, output: PrinterStatusSchema },
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
