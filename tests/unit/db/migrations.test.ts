import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { migrations, type Migration } from '../../../main/db/migrations';
import { openStationDb, STATION_DB } from '../../../main/db/open';
import { CounterFault } from '../../../main/errors';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const latest = migrations.at(-1)!.version;

describe('station.db', () => {
  it('creates a fresh database at the latest version with WAL, foreign keys and secure_delete', () => {
    const dir = tempDir();
    const db = openStationDb(dir);
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });

  it('numbers the migrations 1, 2, 3… with no gap or repeat, so none can be skipped on an upgrade', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('registers every migration file of the folder, under the number its file name gives', async () => {
    const folder = join(__dirname, '../../../main/db/migrations');
    const files = readdirSync(folder)
      .filter((name) => name !== 'index.ts')
      .sort();
    // A file that is not NNNN-name.ts would be a migration nobody numbered.
    expect(files.filter((name) => !/^\d{4}-[a-z0-9-]+\.ts$/.test(name))).toEqual([]);
    const fromFiles: Array<{ version: number; migration: unknown }> = [];
    for (const name of files) {
      const module = (await import(join(folder, name))) as Record<string, unknown>;
      const exported = Object.values(module).filter((value): value is Migration => {
        return typeof value === 'object' && value !== null && 'version' in value && 'up' in value;
      });
      expect(exported, name).toHaveLength(1);
      fromFiles.push({ version: Number(name.slice(0, 4)), migration: exported[0] });
    }
    expect(fromFiles.map((f) => f.version)).toEqual(files.map((_, index) => index + 1));
    expect(migrations).toEqual(fromFiles.map((f) => f.migration));
    expect(migrations.map((m) => m.version)).toEqual(fromFiles.map((f) => f.version));
  });

  it('upgrades an older file and keeps its rows', () => {
    const dir = tempDir();
    const file = join(dir, STATION_DB);
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO settings (key, value) VALUES ('station.name', '\"Sous-préfecture de Test\"')").run();
    old.close();

    const extra: Migration = {
      version: latest + 1,
      name: 'test table',
      up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)'),
    };
    const db = new Database(file);
    expect(migrate(db, [...migrations, extra])).toEqual([...migrations.slice(1).map((m) => m.version), latest + 1]);
    expect(schemaVersion(db)).toBe(latest + 1);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'station.name'").get()).toEqual({
      value: '"Sous-préfecture de Test"',
    });
    db.close();
  });

  it('rolls back a migration that fails half-way, leaving the previous version intact', () => {
    const dir = tempDir();
    const db = new Database(join(dir, STATION_DB));
    const broken: Migration = {
      version: latest + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('reports a damaged file in French and never replaces it', () => {
    const dir = tempDir();
    const file = join(dir, STATION_DB);
    const garbage = Buffer.from('ceci n’est pas une base SQLite '.repeat(200));
    writeFileSync(file, garbage);
    let fault: unknown;
    try {
      openStationDb(dir);
    } catch (error) {
      fault = error;
    }
    expect(fault).toBeInstanceOf(CounterFault);
    expect((fault as CounterFault).code).toBe('db_damaged');
    expect((fault as CounterFault).userMessage).toMatch(/endommagée/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('reports a database whose pages are corrupted (integrity_check fails)', () => {
    const dir = tempDir();
    const db = openStationDb(dir);
    db.exec('CREATE TABLE filler (t TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(200) + i);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(dir, STATION_DB);
    const bytes = readFileSync(file);
    // Scribble over a b-tree page in the middle of the file, leaving the header valid.
    bytes.fill(0xa5, 4096 * 3, 4096 * 3 + 2048);
    writeFileSync(file, bytes);
    expect(() => openStationDb(dir)).toThrow(CounterFault);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file written by a newer version of the app', () => {
    const dir = tempDir();
    const db = new Database(join(dir, STATION_DB));
    db.pragma(`user_version = ${latest + 5}`);
    db.close();
    expect(() => openStationDb(dir)).toThrow(/version plus récente/);
  });
});
