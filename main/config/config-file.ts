import { z } from 'zod';
import { PSEUDONYM } from '../access/service';
import { isPinHash } from '../access/pin-hash';
import { CounterFault } from '../errors';
import { describeIssues } from './field-errors';
import type { StationStores } from './setup';
import {
  DemarchesSection,
  PrinterSection,
  RetentionSection,
  ScanSection,
  ScannerSection,
  SessionSection,
  SiteSection,
  StationSection,
  SurveySection,
  StationConfigSchema,
  type ConfigSectionName,
  type StationConfig,
} from '../../preload/contract/config-sections';
import { unsafeFault, type ConfigStore } from './config-store';

/**
 * The configuration file a référent copies from one counter to the next: the station configuration, and only on
 * request the PIN hashes (référent and mediators). Never session data: there is none in station.db.
 */
export const CONFIG_FILE_FORMAT = 'point-numerique.configuration';
export const CONFIG_FILE_VERSION = 1;
export const CONFIG_FILE_MAX_BYTES = 1024 * 1024;

const PinHash = z.string().max(300).refine(isPinHash, { message: 'not a PIN hash' });

/** Each section strict (an unknown key is refused, not dropped) and optional (a file may carry only some). */
export const FileConfigSchema = z.strictObject({
  station: StationSection.strict().optional(),
  printer: PrinterSection.strict().optional(),
  scan: ScanSection.strict().optional(),
  scanner: ScannerSection.strict().optional(),
  session: SessionSection.strict().optional(),
  demarches: DemarchesSection.strict().optional(),
  site: SiteSection.strict().optional(),
  survey: SurveySection.strict().optional(),
  retention: RetentionSection.strict().optional(),
} satisfies Record<ConfigSectionName, z.ZodType>);

export const ConfigFileSchema = z.strictObject({
  format: z.literal(CONFIG_FILE_FORMAT),
  version: z.literal(CONFIG_FILE_VERSION),
  exportedAt: z.string().max(40).optional(),
  /** Says, for whoever opens the file, what it holds (the PIN hashes or not). Informative only. */
  contents: z.string().max(400).optional(),
  config: FileConfigSchema,
  referentPinHash: PinHash.optional(),
  mediators: z
    .array(
      z.strictObject({
        pseudonym: z.string().trim().regex(PSEUDONYM),
        active: z.boolean(),
        pinHash: PinHash,
      }),
    )
    .max(500)
    .optional(),
});
export type ConfigFile = z.output<typeof ConfigFileSchema>;

export const CONTENTS_WITH_PINS =
  'Configuration du poste, pseudonymes des médiateurs et empreintes scrypt des codes du référent et des médiateurs (pas les codes). Avec ce fichier, on peut essayer de retrouver les codes : gardez-le en lieu sûr, effacez-le après usage.';
export const CONTENTS_WITHOUT_PINS = 'Configuration du poste seulement : ni médiateur, ni code, ni donnée d’usager.';

export function buildConfigFile(
  { store, config }: Pick<StationStores, 'store' | 'config'>,
  options: { includePins: boolean; now: Date },
): ConfigFile {
  const file: ConfigFile = {
    format: CONFIG_FILE_FORMAT,
    version: CONFIG_FILE_VERSION,
    exportedAt: options.now.toISOString(),
    contents: options.includePins ? CONTENTS_WITH_PINS : CONTENTS_WITHOUT_PINS,
    config: config.get(),
  };
  if (options.includePins) {
    const referent = store.referent();
    if (referent) file.referentPinHash = referent.pinHash;
    file.mediators = store.mediators().map((m) => ({ pseudonym: m.pseudonym, active: m.active, pinHash: m.pinHash }));
  }
  return file;
}

export function configFileText(file: ConfigFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** point-numerique-configuration-2026-11-23.json */
export function configFileName(now: Date): string {
  return `point-numerique-configuration-${now.toISOString().slice(0, 10)}.json`;
}

export const TOO_BIG = new CounterFault(
  'config_file_too_big',
  "Ce fichier est trop gros pour être un fichier de configuration (plus de 1 Mo). Vérifiez que vous avez choisi le fichier exporté par l'espace référent d'un autre poste.",
);

/** Parses and validates a configuration file's text; French faults name the wrong field. Writes nothing. */
export function parseConfigFile(text: string): ConfigFile {
  if (Buffer.byteLength(text, 'utf8') > CONFIG_FILE_MAX_BYTES) throw TOO_BIG;
  let json: unknown;
  try {
    // Windows Notepad saves UTF-8 with a byte-order mark: it is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CounterFault(
      'config_file_not_json',
      "Ce fichier n'est pas un fichier de configuration lisible (ce n'est pas du JSON valide). Choisissez le fichier exporté par l'espace référent d'un autre poste.",
    );
  }
  const head = z.object({ format: z.literal(CONFIG_FILE_FORMAT) }).safeParse(json);
  if (!head.success) {
    throw new CounterFault(
      'config_file_invalid',
      "Ce fichier n'est pas un fichier de configuration de Point numérique (le champ « format » manque ou est faux). Rien n'a été modifié.",
    );
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CounterFault(
      'config_file_invalid',
      `Le fichier de configuration n'est pas valide. ${describeIssues(parsed.error)} Rien n'a été modifié.`,
    );
  }
  return parsed.data;
}

/**
 * The same guard as every save (value-guard.ts), on each section of the file as it would be stored: a look-alike
 * host, a file as printer, the data dir as scan folder… refuse the whole file. Writes nothing.
 */
export function checkFileSafety(config: ConfigStore, file: ConfigFile): void {
  const problems = (Object.keys(file.config) as ConfigSectionName[]).flatMap((name) => {
    const value = file.config[name];
    if (value === undefined) return [];
    return config.problemsOf(name, StationConfigSchema.shape[name].parse(value) as StationConfig[typeof name]);
  });
  if (problems.length === 0) return;
  const fault = unsafeFault(problems, ['config']);
  throw new CounterFault(
    'config_file_unsafe',
    `Ce fichier de configuration n'est pas sûr pour ce poste. ${fault.userMessage} Rien n'a été modifié.`,
  );
}

export interface ImportSummary {
  sections: ConfigSectionName[];
  mediators: number;
}

/** Applies a validated file in one transaction: all of it, or nothing. */
export function applyConfigFile({ store, config, journal }: StationStores, file: ConfigFile, now: Date): ImportSummary {
  const sections = (Object.keys(file.config) as ConfigSectionName[]).filter((name) => file.config[name] !== undefined);
  return store.transaction(() => {
    for (const name of sections) config.setSection(name, file.config[name]);
    if (file.referentPinHash) store.setReferentPin(file.referentPinHash, now);
    for (const mediator of file.mediators ?? []) {
      const existing = store.mediatorByPseudonym(mediator.pseudonym);
      if (existing) {
        store.setMediatorPin(existing.id, mediator.pinHash);
        store.setMediatorActive(existing.id, mediator.active);
      } else {
        store.addMediator(mediator.pseudonym, mediator.pinHash, now, mediator.active);
      }
    }
    const summary = { sections, mediators: file.mediators?.length ?? 0 };
    journal.append(
      'config.imported',
      { sections: sections.length, mediators: summary.mediators, referentPin: !!file.referentPinHash },
      'referent',
    );
    return summary;
  });
}
