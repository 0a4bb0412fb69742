/**
 * Prepares a fully set-up station in a data dir, through main/'s own code (no SQL here): référent PIN, mediators,
 * configuration sections. For e2e specs: `test.use({ seed: { run: (dir) => seedStation(dir) } })`; for vitest,
 * call it on a temp dir before createServices.
 */
import { AccessStore } from '../../main/access/access-store';
import { hashPinSync, LEGACY_PIN_COST, type PinCost } from '../../main/access/pin-hash';
import { ConfigStore } from '../../main/config/config-store';
import { Settings } from '../../main/config/settings';
import { applyStationSetup, type SectionValues } from '../../main/config/setup';
import { openStationDb } from '../../main/db/open';
import { Journal } from '../../main/journal/journal';

export interface SeedOptions {
  /** Default '24681357'. */
  referentPin?: string;
  /** Default one mediator: Camille / 482915. */
  mediators?: Array<{ pseudonym: string; pin: string; active?: boolean }>;
  /** Section name → fields merged over the defaults, e.g. { station: { name: 'Sous-préfecture de Test' } }. */
  config?: Partial<Record<string, unknown>>;
}

/**
 * The scrypt cost test stations use (createServices({ pinCost: TEST_PIN_COST, pinCost: TEST_PIN_COST }) and the seeded hashes): the
 * previous production cost, a quarter of today's, so PIN checks stay fast in tests. Production never reads it.
 */
export const TEST_PIN_COST: PinCost = LEGACY_PIN_COST;

export const DEFAULT_REFERENT_PIN = '24681357';
export const DEFAULT_MEDIATOR: { pseudonym: string; pin: string; active?: boolean } = {
  pseudonym: 'Camille',
  pin: '482915',
};

export function seedStation(dataDir: string, options: SeedOptions = {}): void {
  const db = openStationDb(dataDir);
  try {
    const store = new AccessStore(db);
    const config = new ConfigStore(new Settings(db));
    const journal = new Journal(db);
    const now = new Date();
    applyStationSetup(
      { store, config, journal },
      {
        referentPinHash: hashPinSync(options.referentPin ?? DEFAULT_REFERENT_PIN, TEST_PIN_COST),
        sections: { station: { name: 'Point numérique de test' }, ...(options.config ?? {}) } as SectionValues,
      },
      now,
    );
    for (const mediator of options.mediators ?? [DEFAULT_MEDIATOR]) {
      store.addMediator(mediator.pseudonym, hashPinSync(mediator.pin, TEST_PIN_COST), now, mediator.active !== false);
    }
  } finally {
    db.close();
  }
}
