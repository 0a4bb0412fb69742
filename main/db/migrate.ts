import type { Database } from 'better-sqlite3';
import { CounterFault } from '../errors';
import { migrations as allMigrations, type Migration } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations newer than the file's version. Returns the versions applied. */
export function migrate(db: Database, migrations: Migration[] = allMigrations): number[] {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new CounterFault(
      'db_too_new',
      "La base du poste a été créée par une version plus récente de l'application. Installez cette version plus récente ; ne supprimez pas le fichier.",
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
