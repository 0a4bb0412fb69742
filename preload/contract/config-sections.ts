import { z } from 'zod';

/**
 * The station's whole configuration, one zod schema per section and one per field. Each section is stored under
 * `config.<section>` in the settings table, with defaults for whatever was never set. The référent edits it
 * (main/config), the config export/import moves it between counters, each capability of main reads its own section,
 * and the renderer's panels take their defaults and ranges from here (never a copy).
 * Values the domain notes mark "(unsure)" live here so a référent can correct them.
 */

/** Bounds of the numeric fields, shared by the schemas below and the référent's forms (their help texts). */
export const CONFIG_RANGES = {
  printerTimeoutMs: { min: 500, max: 60_000 },
  maxUploadBytes: { min: 100_000, max: 200_000_000 },
  maxInputBytes: { min: 1_000_000, max: 45_000_000 },
  maxPixels: { min: 1_000_000, max: 200_000_000 },
  maxPages: { min: 1, max: 100 },
  quietSeconds: { min: 1, max: 30 },
  // At least 3 minutes: with less, the warning (at most a third of the delay) leaves no time for real work.
  idleMinutes: { min: 3, max: 120 },
  idleWarningSeconds: { min: 10, max: 300 },
  referentIdleMinutes: { min: 1, max: 15 },
  retentionMonths: { min: 1, max: 120 },
  scannerPageTimeoutSeconds: { min: 5, max: 600 },
  maxDownloadMegabytes: { min: 1, max: 200 },
} as const;

function int(range: { min: number; max: number }) {
  return z.number().int().min(range.min).max(range.max);
}
export const StationSection = z.object({
  name: z.string().trim().min(1).max(120).default('Point numérique'),
  type: z.enum(['prefecture', 'sous-prefecture', 'france-services']).default('prefecture'),
  commune: z.string().trim().max(120).default(''),
  departement: z.string().trim().max(3).default(''),
  /** Phone line the receipt gives the usager (34 00 per the ministry, configurable). */
  contactPhone: z.string().trim().max(40).default('34 00'),
  /** The station's own time zone, printed on the receipt (overseas départements: America/Cayenne, Indian/Reunion…). */
  timeZone: z
    .string()
    .trim()
    .max(60)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'fuseau horaire inconnu')
    .default('Europe/Paris'),
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
  timeoutMs: int(CONFIG_RANGES.printerTimeoutMs).default(5_000),
  /** Epson-compatible network printers answer status requests (paper, cover, job received); some cheap ones do not. */
  askStatus: z.boolean().default(true),
  /** The system printer of the A4 receipt, by its system name; empty: the system's default printer. In kiosk mode
   * the A4 receipt prints there without the system dialog. */
  a4Printer: z.string().trim().max(200).default(''),
});

export const ScanSection = z.object({
  /** The scanner's scan-to-folder target (local folder or network share), or null when not set up. */
  folder: z.string().trim().max(500).nullable().default(null),
  /** Network shares do not deliver change events reliably: poll them. */
  usePolling: z.boolean().default(false),
  /** Default size limit of one uploaded file; a démarche may set its own. (unsure: no official ANTS figure) */
  maxUploadBytes: int(CONFIG_RANGES.maxUploadBytes).default(1_000_000),
  /** Larger files are refused from their size, before being read (a scan of 300 dpi A4 pages stays far below). */
  maxInputBytes: int(CONFIG_RANGES.maxInputBytes).default(40_000_000),
  /** Images above this many pixels are refused from their header, before decoding (pixel bombs). */
  maxPixels: int(CONFIG_RANGES.maxPixels).default(50_000_000),
  /** Most pages accepted in one TIFF or PDF. */
  maxPages: int(CONFIG_RANGES.maxPages).default(30),
  /**
   * A folder file is read once its size and date have not changed for this long (and it ends the way its format
   * ends). Longer for a network scanner that pauses between pages.
   */
  quietSeconds: int(CONFIG_RANGES.quietSeconds).default(2),
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
  pageTimeoutSeconds: int(CONFIG_RANGES.scannerPageTimeoutSeconds).default(60),
});

export const SessionSection = z.object({
  idleMinutes: int(CONFIG_RANGES.idleMinutes).default(10),
  idleWarningSeconds: int(CONFIG_RANGES.idleWarningSeconds).default(60),
  /** The référent area closes after this long without a référent action (issue 16: at most 15). */
  referentIdleMinutes: int(CONFIG_RANGES.referentIdleMinutes).default(5),
  kiosk: z.boolean().default(false),
  openAtLogin: z.boolean().default(false),
});

export const DemarchesSection = z.object({
  hidden: z.array(z.string().max(80)).max(500).default([]),
  /** Local démarches added by the référent; validated by the catalog schema of main/flow. */
  local: z.array(z.unknown()).max(200).default([]),
});

const SiteHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);

export const SiteSection = z.object({
  /**
   * Hosts the référent adds to the official-site allowlist (e.g. an identity provider of FranceConnect): only under
   * the official suffixes (main/site/hosts.ts OFFICIAL_HOST_SUFFIXES), checked by main/config/value-guard.ts.
   */
  extraHosts: z.array(SiteHost).max(100).default([]),
  /** Hosts outside the official suffixes, added on purpose by the référent: shown with a warning, marked to the mediator. */
  exceptionHosts: z.array(SiteHost).max(20).default([]),
  /** Largest file the official site may download to the station (a récapitulatif or a CERFA is far below). */
  maxDownloadMegabytes: int(CONFIG_RANGES.maxDownloadMegabytes).default(20),
});

export const SurveySection = z.object({
  enabled: z.boolean().default(true),
  askRecommendation: z.boolean().default(true),
});

export const RetentionSection = z.object({
  months: int(CONFIG_RANGES.retentionMonths).default(24),
});

/** The sections by name: main/config validates a saved or imported section with the schema of its name. */
export const CONFIG_SECTION_SCHEMAS = {
  station: StationSection,
  printer: PrinterSection,
  scan: ScanSection,
  scanner: ScannerSection,
  session: SessionSection,
  demarches: DemarchesSection,
  site: SiteSection,
  survey: SurveySection,
  retention: RetentionSection,
} as const;

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
export const CONFIG_SECTIONS = Object.keys(CONFIG_SECTION_SCHEMAS) as ConfigSectionName[];
export const ConfigSectionNameSchema = z.enum(CONFIG_SECTIONS as [ConfigSectionName, ...ConfigSectionName[]]);

/** Every field's default: what a station that was never configured uses (and what the forms start from). */
export const CONFIG_DEFAULTS: StationConfig = StationConfigSchema.parse({});

/**
 * Some fields of one section, merged by main over what is stored. Typed for the renderer; checked by main/config
 * with the section's schema so a wrong value gets a French message naming the field (not a bare "bad request").
 */
export type SectionPatch<S extends ConfigSectionName> = Partial<StationConfig[S]>;
export type SectionPatches = { [S in ConfigSectionName]?: SectionPatch<S> };

/** A group of fields (a plain object); its fields are checked by main/config against the section's schema. */
export function sectionPatchSchema<S extends ConfigSectionName>() {
  return z.custom<SectionPatch<S>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
}

function patchOf<S extends ConfigSectionName>() {
  return sectionPatchSchema<S>().optional();
}

/** Several sections saved at once (one transaction in main): an unknown section name is refused here. */
export const SectionPatchesSchema = z.strictObject({
  station: patchOf<'station'>(),
  printer: patchOf<'printer'>(),
  scan: patchOf<'scan'>(),
  session: patchOf<'session'>(),
  demarches: patchOf<'demarches'>(),
  site: patchOf<'site'>(),
  survey: patchOf<'survey'>(),
  retention: patchOf<'retention'>(),
});
