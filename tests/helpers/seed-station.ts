/**
 * Prepares a fully set-up station in a data dir, through main/'s own code (no SQL here): référent PIN, mediators,
 * configuration sections. For e2e specs: `test.use({ seed: { run: (dir) => seedStation(dir) } })`; for vitest,
 * call it on a temp dir before createServices.
 */
import { AccessStore } from '../../main/access/access-store';
import { hashPinSync } from '../../main/access/pin-hash';
import { ConfigStore } from '../../main/config/config-store';
import { Settings } from '../../main/config/settings';
import { applyStationSetup, type SectionValues } from '../../main/config/setup';
import { openStationDb } from '../../main/db/open';
import { Journal } from '../../main/journal/journal';

export interface SeedOptions {
  /** Default '246810'. */
  referentPin?: string;
  /** Default one mediator: Camille / 1234. */
  mediators?: Array<{ pseudonym: string; pin: string; active?: boolean }>;
  /** Section name → fields merged over the defaults, e.g. { station: { name: 'Sous-préfecture de Test' } }. */
  config?: Partial<Record<string, unknown>>;
}

export const DEFAULT_REFERENT_PIN = '246810';
export const DEFAULT_MEDIATOR: { pseudonym: string; pin: string; active?: boolean } = {
  pseudonym: 'Camille',
  pin: '1234',
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
        referentPinHash: hashPinSync(options.referentPin ?? DEFAULT_REFERENT_PIN),
        sections: { station: { name: 'Point numérique de test' }, ...(options.config ?? {}) } as SectionValues,
      },
      now,
    );
    for (const mediator of options.mediators ?? [DEFAULT_MEDIATOR]) {
      store.addMediator(mediator.pseudonym, hashPinSync(mediator.pin), now, mediator.active !== false);
    }
  } finally {
    db.close();
  }
}
