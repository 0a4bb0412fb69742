import { z } from 'zod';
import type { AccessStore } from '../access/access-store';
import { hashPin, type PinCost } from '../access/pin-hash';
import { checkReferentPinFormat } from '../access/pin-policy';
import { CounterFault } from '../errors';
import type { Journal } from '../journal/journal';
import { unsafeFault, type ConfigStore } from './config-store';
import { describeIssues } from './field-errors';
import { StationConfigSchema, type ConfigSectionName } from '../../preload/contract/config-sections';

export type SectionValues = Partial<Record<ConfigSectionName, unknown>>;

export interface StationStores {
  store: AccessStore;
  config: ConfigStore;
  journal: Journal;
}

/**
 * Validates partial section values merged over what is stored (defaults for the rest). Throws a French fault
 * naming the wrong field; nothing is written.
 */
export function mergeSections(config: ConfigStore, sections: SectionValues): SectionValues {
  const merged: SectionValues = {};
  for (const [name, value] of Object.entries(sections) as Array<[ConfigSectionName, unknown]>) {
    if (value === undefined) continue;
    const schema = StationConfigSchema.shape[name];
    if (!schema) throw new CounterFault('config_invalid', `La partie « ${name} » de la configuration est inconnue.`);
    const base = config.section(name) as Record<string, unknown>;
    const parsed = schema.safeParse({ ...base, ...(value as Record<string, unknown>) });
    if (!parsed.success) throw new CounterFault('config_invalid', describeIssues(parsed.error, [name]));
    // Safe, not only well-formed (value-guard.ts): the same check as an import and a stored read.
    const problems = config.problemsOf(name, parsed.data);
    if (problems.length > 0) throw unsafeFault(problems);
    merged[name] = parsed.data;
  }
  return merged;
}

/**
 * Writes a first setup in one transaction: the configuration sections and the référent's PIN hash. Shared by the
 * first-start assistant and by tests that seed a ready station (tests/helpers/seed-station.ts).
 */
export function applyStationSetup(
  { store, config, journal }: StationStores,
  setup: { referentPinHash: string; sections: SectionValues },
  now: Date,
): void {
  const merged = mergeSections(config, setup.sections);
  store.transaction(() => {
    for (const [name, value] of Object.entries(merged) as Array<[ConfigSectionName, unknown]>) {
      config.setSection(name, value);
    }
    store.setReferentPin(setup.referentPinHash, now);
    journal.append('station.configured', { sections: Object.keys(merged).length }, 'referent');
  });
}

const ALREADY_SET_UP = new CounterFault(
  'already_set_up',
  "Ce poste est déjà installé. Pour changer sa configuration, ouvrez l'espace référent avec le code du référent.",
);

/** The first-start assistant: refused once the station has a référent PIN. */
export async function setUpStation(
  stores: StationStores,
  input: { referentPin: string; sections: SectionValues },
  now: Date,
  pinCost?: PinCost,
): Promise<void> {
  if (stores.store.referent()) throw ALREADY_SET_UP;
  checkReferentPinFormat(input.referentPin);
  mergeSections(stores.config, input.sections);
  const referentPinHash = await hashPin(input.referentPin, pinCost);
  if (stores.store.referent()) throw ALREADY_SET_UP; // a second click while hashing: the first one won
  applyStationSetup(stores, { referentPinHash, sections: input.sections }, now);
}

export function zodToFault(error: unknown, prefix: PropertyKey[]): never {
  if (error instanceof z.ZodError) throw new CounterFault('config_invalid', describeIssues(error, prefix));
  throw error;
}
