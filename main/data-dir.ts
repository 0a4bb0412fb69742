import { resolve } from 'node:path';

/** POINT_NUMERIQUE_DATA_DIR overrides the data dir (tests, référents); otherwise the platform's default. */
export function dataDirFrom(env: NodeJS.ProcessEnv, fallback: string): string {
  const override = env.POINT_NUMERIQUE_DATA_DIR?.trim();
  return override ? resolve(override) : fallback;
}
