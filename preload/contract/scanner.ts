import { z } from 'zod';
import { noInput, okReply } from './common';

/**
 * The counter's network scanner (eSCL, "AirScan"): the référent finds or types it, reads what it can do, accepts
 * its certificate fingerprint when it is self-signed, tests it and pins it; the mediator scans straight into a
 * pièce of the running accompaniment. main/scanner checks who calls: référent channels need the référent
 * sign-in, scanner.scan / scanner.cancel need a running session.
 */
const Fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
const Address = z.string().trim().min(1).max(300);

export const ScannerSourceIdSchema = z.enum(['platen', 'adf', 'adf-duplex']);
export type ScannerSourceId = z.infer<typeof ScannerSourceIdSchema>;

export const ScannerSourceSchema = z.object({
  id: ScannerSourceIdSchema,
  colorModes: z.array(z.enum(['color', 'grayscale', 'blackwhite'])).max(3),
  resolutions: z.array(z.number().int().positive()).max(40),
  formats: z.array(z.string().max(60)).max(20),
  /** Largest page, in millimetres. */
  maxWidthMm: z.number().int().nonnegative(),
  maxHeightMm: z.number().int().nonnegative(),
});
export type ScannerSource = z.infer<typeof ScannerSourceSchema>;

export const ScannerDescriptionSchema = z.object({
  address: z.string().max(300),
  name: z.string().max(120),
  uuid: z.string().max(64).nullable(),
  tls: z.boolean(),
  /** HTTPS: the certificate's SHA-256 fingerprint (the one accepted, or the one to accept). */
  fingerprint: Fingerprint.nullable(),
  sources: z.array(ScannerSourceSchema).max(3),
});
export type ScannerDescription = z.infer<typeof ScannerDescriptionSchema>;

export const ScannerCandidateSchema = z.object({
  name: z.string().max(120),
  address: z.string().max(300),
  tls: z.boolean(),
  uuid: z.string().max(64).nullable(),
});

/** What the counter knows of its scanner now: none, ready (with what it can do) or a French problem. */
export const ScannerStateSchema = z.object({
  configured: z.boolean(),
  name: z.string().max(120),
  address: z.string().max(300).nullable(),
  scanner: ScannerDescriptionSchema.nullable(),
  problem: z.object({ code: z.string().max(64), message: z.string().max(1000) }).nullable(),
  /** A job runs now on this counter. */
  running: z.boolean(),
});
export type ScannerState = z.infer<typeof ScannerStateSchema>;

export const ScanRequestSchema = z.object({
  source: ScannerSourceIdSchema,
  colorMode: z.enum(['color', 'grayscale']).default('color'),
  resolution: z.number().int().min(75).max(1200).default(300),
  demarcheId: z.string().max(80).nullable().optional(),
  pieceId: z.string().min(1).max(80).nullable().optional(),
});
export type ScanRequest = z.input<typeof ScanRequestSchema>;

export const scannerContract = {
  /** Référent: scanners announced on the local network (a few seconds of DNS-SD browsing). */
  'scanner.discover': {
    access: 'referent',
    input: noInput,
    output: z.object({ scanners: z.array(ScannerCandidateSchema).max(50) }),
  },
  /**
   * Référent: reads a scanner's capabilities at an address. An HTTPS scanner whose certificate is not yet accepted
   * answers `untrusted` with the fingerprint to compare; calling again with that fingerprint accepts it.
   */
  'scanner.inspect': {
    access: 'referent',
    input: z.object({ address: Address, fingerprint: Fingerprint.nullable().default(null) }),
    output: z.discriminatedUnion('state', [
      z.object({ state: z.literal('ready'), scanner: ScannerDescriptionSchema }),
      z.object({ state: z.literal('untrusted'), fingerprint: Fingerprint, message: z.string().max(1000) }),
    ]),
  },
  /** Référent: pins this scanner (address, UUID, accepted fingerprint) in the station configuration. */
  'scanner.choose': {
    access: 'referent',
    input: z.object({ address: Address, fingerprint: Fingerprint.nullable().default(null) }),
    output: ScannerStateSchema,
  },
  'scanner.forget': { access: 'referent', input: noInput, output: okReply },
  /** The pinned scanner, checked now (reachable, same device). */
  'scanner.state': { access: 'signedIn', input: noInput, output: ScannerStateSchema },
  /** Référent: a one-page test scan, shown and dropped (never stored). */
  'scanner.test': {
    access: 'referent',
    input: z.object({ source: ScannerSourceIdSchema.optional() }),
    output: z.object({ dataUrl: z.string().max(3_000_000), width: z.number().int(), height: z.number().int() }),
  },
  /**
   * Mediator: scans into the pièce that asked. Resolves when every page is in the encrypted workspace as ONE
   * import (a PDF for several pages); nothing is attached when the job fails or is cancelled.
   */
  'scanner.scan': {
    access: 'session',
    input: ScanRequestSchema,
    output: z.object({ imported: z.array(z.string().uuid()), pages: z.number().int().nonnegative() }),
  },
  /** Cancels the running job; it is deleted on the device. */
  'scanner.cancel': { access: 'session', input: noInput, output: okReply },
} as const;

export const scannerEvents = {
  /** Progress of the running job: one event per page received. */
  'scanner.progress': z.object({
    jobId: z.string().uuid(),
    step: z.enum(['connecting', 'scanning', 'page', 'preparing', 'done', 'failed', 'cancelled']),
    pages: z.number().int().nonnegative(),
  }),
} as const;
