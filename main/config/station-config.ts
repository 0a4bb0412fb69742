import { z } from 'zod';

/**
 * The station's whole configuration, one zod schema per section. Each section is stored under `config.<section>`
 * in the settings table, with defaults for whatever was never set. The référent edits it (main/config), the
 * config export/import moves it between counters, and each capability reads its own section.
 * Values the domain notes mark "(unsure)" live here so a référent can correct them.
 */
export const StationSection = z.object({
  name: z.string().trim().min(1).max(120).default('Point numérique'),
  type: z.enum(['prefecture', 'sous-prefecture', 'france-services']).default('prefecture'),
  commune: z.string().trim().max(120).default(''),
  departement: z.string().trim().max(3).default(''),
  /** Phone line the receipt gives the usager (34 00 per the ministry, configurable). */
  contactPhone: z.string().trim().max(40).default('34 00'),
});

export const PrinterSection = z.object({
  enabled: z.boolean().default(false),
  type: z.enum(['epson', 'star']).default('epson'),
  /** tcp://host:9100, a device path (/dev/usb/lp0, COM3) or printer:NAME for a system printer. */
  interface: z.string().trim().max(200).default('tcp://127.0.0.1:9100'),
  width: z.union([z.literal(32), z.literal(42), z.literal(48)]).default(48),
  characterSet: z
    .enum(['WPC1252', 'PC858_EURO', 'PC850_MULTILINGUAL', 'PC437_USA', 'PC863_CANADIAN_FRENCH', 'ISO8859_15_LATIN9'])
    .default('WPC1252'),
  /** Some cheap printers print nothing for native QR commands: they get the QR code as a raster image. */
  qrMode: z.enum(['native', 'image', 'none']).default('native'),
  timeoutMs: z.number().int().min(500).max(60_000).default(5_000),
  /** Epson-compatible network printers answer status requests (paper, cover, job received); some cheap ones do not. */
  askStatus: z.boolean().default(true),
});

export const ScanSection = z.object({
  /** The scanner's scan-to-folder target (local folder or network share), or null when not set up. */
  folder: z.string().trim().max(500).nullable().default(null),
  /** Network shares do not deliver change events reliably: poll them. */
  usePolling: z.boolean().default(false),
  /** Default size limit of one uploaded file; a démarche may set its own. (unsure: no official ANTS figure) */
  maxUploadBytes: z.number().int().min(100_000).max(200_000_000).default(1_000_000),
  /** Larger files are refused from their size, before being read (a scan of 300 dpi A4 pages stays far below). */
  maxInputBytes: z.number().int().min(1_000_000).max(45_000_000).default(40_000_000),
  /** Images above this many pixels are refused from their header, before decoding (pixel bombs). */
  maxPixels: z.number().int().min(1_000_000).max(200_000_000).default(50_000_000),
  /** Most pages accepted in one TIFF or PDF. */
  maxPages: z.number().int().min(1).max(100).default(30),
});

export const ScannerSection = z.object({
  /** eSCL root of the network scanner the référent chose (http(s)://host[:port]/eSCL/), or null: none. */
  address: z.string().trim().max(300).nullable().default(null),
  /** The device's UUID read from its capabilities when it was chosen: another device at that address is refused. */
  uuid: z
    .string()
    .regex(/^[0-9a-f-]{8,64}$/)
    .nullable()
    .default(null),
  /** Make and model as the device gave it, shown to the counter. */
  name: z.string().trim().max(120).default(''),
  /** HTTPS: SHA-256 fingerprint of the certificate the référent accepted (self-signed scanners). */
  fingerprint: z
    .string()
    .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    .nullable()
    .default(null),
  /** Longest wait for one page before the job is stopped on the device. */
  pageTimeoutSeconds: z.number().int().min(5).max(600).default(60),
});

export const SessionSection = z.object({
  idleMinutes: z.number().int().min(1).max(120).default(10),
  idleWarningSeconds: z.number().int().min(10).max(300).default(60),
  kiosk: z.boolean().default(false),
  openAtLogin: z.boolean().default(false),
});

export const DemarchesSection = z.object({
  hidden: z.array(z.string().max(80)).max(500).default([]),
  /** Local démarches added by the référent; validated by the catalog schema of main/flow. */
  local: z.array(z.unknown()).max(200).default([]),
});

export const SiteSection = z.object({
  /** Hosts the référent adds to the official-site allowlist (e.g. an identity provider of FranceConnect). */
  extraHosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/),
    )
    .max(100)
    .default([]),
});

export const SurveySection = z.object({
  enabled: z.boolean().default(true),
  askRecommendation: z.boolean().default(true),
});

export const RetentionSection = z.object({
  months: z.number().int().min(1).max(120).default(24),
});

export const StationConfigSchema = z.object({
  station: StationSection.default(StationSection.parse({})),
  printer: PrinterSection.default(PrinterSection.parse({})),
  scan: ScanSection.default(ScanSection.parse({})),
  scanner: ScannerSection.default(ScannerSection.parse({})),
  session: SessionSection.default(SessionSection.parse({})),
  demarches: DemarchesSection.default(DemarchesSection.parse({})),
  site: SiteSection.default(SiteSection.parse({})),
  survey: SurveySection.default(SurveySection.parse({})),
  retention: RetentionSection.default(RetentionSection.parse({})),
});

export type StationConfig = z.output<typeof StationConfigSchema>;
export type ConfigSectionName = keyof StationConfig;
export const CONFIG_SECTIONS = Object.keys(StationConfigSchema.shape) as ConfigSectionName[];
