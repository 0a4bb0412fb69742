import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { CounterFault } from '../errors';
import { migrate } from './migrate';
import { nativeBinding } from './native-binding';

export const STATION_DB = 'station.db';

export const DB_DAMAGED_MESSAGE =
  "La base du poste (station.db) est endommagée : l'application ne peut pas démarrer. Ne supprimez pas et ne remplacez pas le fichier. Prévenez le référent numérique : il peut restaurer une sauvegarde ou faire réparer le fichier.";

/**
 * Opens station.db in the data dir: WAL, foreign keys, secure_delete (deleted rows are overwritten), an integrity
 * check, then the migrations. A damaged file is reported, never silently recreated.
 */
export function openStationDb(dataDir: string): Database.Database {
  makePrivateDir(dataDir);
  const file = join(dataDir, STATION_DB);
  let db: Database.Database | undefined;
  try {
    makePrivateFile(file);
    db = new Database(file, { nativeBinding: nativeBinding() });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error('integrity_check failed');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite gives -wal and -shm the mode of station.db; older stations' files are tightened here too.
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodPrivate(file + suffix, 0o600);
  } catch (error) {
    db?.close();
    throw new CounterFault('db_damaged', DB_DAMAGED_MESSAGE, { cause: error });
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof CounterFault) throw error;
    throw new CounterFault('db_damaged', DB_DAMAGED_MESSAGE, { cause: error });
  }
  return db;
}

/**
 * The data dir is the station account's alone (0700) and station.db with its -wal and -shm 0600: other accounts
 * of the PC cannot read the PIN hashes or the journal. Windows has no such modes (the profile folder's ACL applies).
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodPrivate(dir, 0o700);
}

function makePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodPrivate(file, 0o600);
}

function chmodPrivate(path: string, mode: number): void {
  if (process.platform !== 'win32') chmodSync(path, mode);
}

/** After a purge, fold the WAL back into the main file and truncate it, so deleted rows do not linger in -wal. */
export function checkpointTruncate(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
