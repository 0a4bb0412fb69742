/**
 * A set-up station for the hostile-configuration tests: the real services on a temp data dir, the référent signed
 * in, and the desktop's open/save dialogs standing for a person who picks a real file on the disk (the file's
 * bytes are read by the same handler as in the app). `snapshot()` reads every row of every table of station.db.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDispatch } from '../../../main/dispatch';
import { createHandlers } from '../../../main/handlers';
import { createFileLogger } from '../../../main/log';
import type { Services } from '../../../main/services';
import type { Channel } from '../../../preload/api';
import { seedStation, type SeedOptions } from '../../helpers/seed-station';
import { openTestStation } from '../../helpers/station';

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface HostileStation {
  dataDir: string;
  services: Services;
  call(channel: Channel, input?: unknown): Promise<Reply>;
  /** The file the next open dialog "picks". */
  pick(path: string): void;
  /** Where the last save dialog wrote. */
  saved(): string;
  snapshot(): string;
}

/** `seed` null: the data dir already holds a station (a reopening). */
export async function openHostileStation(
  dataDir: string,
  filesDir: string,
  seed: SeedOptions | null,
): Promise<HostileStation> {
  if (seed) seedStation(dataDir, seed);
  const log = createFileLogger(dataDir, false);
  let picked = '';
  let savedPath = '';
  const services = openTestStation(dataDir, {
    log,
    platform: {
      configFiles: {
        async save(name, text) {
          savedPath = join(filesDir, name);
          await writeFile(savedPath, text, 'utf8');
          return true;
        },
        async open() {
          return { bytes: (await stat(picked)).size, read: () => readFile(picked, 'utf8') };
        },
      },
    },
  });
  const dispatch = createDispatch(createHandlers(services), log, services.access);
  const call = (channel: Channel, input?: unknown) => dispatch(channel, input, { transport: 'web' }) as Promise<Reply>;
  const signIn = await call('access.referentSignIn', { pin: seed?.referentPin ?? '24681357' });
  if (!signIn.ok) throw new Error('référent sign-in failed');
  return {
    dataDir,
    services,
    call,
    pick: (path) => void (picked = path),
    saved: () => savedPath,
    snapshot() {
      const tables = services.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all() as Array<{ name: string }>;
      return JSON.stringify(
        tables.map(({ name }) => [
          name,
          services.db
            .prepare(`SELECT * FROM "${name}"`)
            .all()
            .map((row) => JSON.stringify(row))
            .sort(),
        ]),
      );
    },
  };
}
