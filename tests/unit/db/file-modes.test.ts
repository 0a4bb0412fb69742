import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDb } from '../../../main/db/open';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const mode = (path: string) => statSync(path).mode & 0o777;
let previousUmask: number | undefined;
afterEach(() => {
  if (previousUmask !== undefined) process.umask(previousUmask);
  previousUmask = undefined;
});

describe.skipIf(process.platform === 'win32')('file modes of the data dir', () => {
  it('creates the data dir 0700 and station.db, -wal and -shm 0600, even with a permissive umask', () => {
    previousUmask = process.umask(0o000);
    const dataDir = join(tempDir(), 'Point numérique', 'station');
    const db = openStationDb(dataDir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run(); // the WAL exists once written
    expect(mode(dataDir)).toBe(0o700);
    for (const file of ['station.db', 'station.db-wal', 'station.db-shm']) {
      expect(mode(join(dataDir, file)), file).toBe(0o600);
    }
    db.close();
  });

  it('tightens a data dir and a station.db made readable by an older version', () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    closeSync(openSync(join(dataDir, 'station.db'), 'a', 0o644));
    chmodSync(join(dataDir, 'station.db'), 0o644);
    openStationDb(dataDir).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'station.db'))).toBe(0o600);
  });
});
