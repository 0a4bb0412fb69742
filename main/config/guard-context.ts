import { realpathSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/**
 * What the configuration guard (value-guard.ts) compares values with: the station's own folders and the platform's
 * path rules. Built once by main/services.ts; tests build it on their temp data dir.
 */
export interface GuardContext {
  dataDir: string;
  /** The app's read-only resources (main/app/resources-dir.ts): never a scan folder. */
  resourcesDir: string;
  homeDir: string;
  platform: NodeJS.Platform;
  /** The built-in démarches (id and title), so that a local one cannot stand in for a hidden official one. */
  officialDemarches?: () => ReadonlyArray<{ id: string; title: string }>;
}

/** A French reason for one field, and a short code for the log (never the value). */
export interface FieldProblem {
  /** `printer.interface` */
  field: string;
  code: string;
  reason: string;
}

export function pathApi(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** The path as the system finally resolves it (links followed) when it exists; else only normalised. */
export function realOrResolved(path: string, platform: NodeJS.Platform): string {
  const api = pathApi(platform);
  const resolved = api.resolve(path);
  try {
    return platform === process.platform ? realpathSync.native(resolved) : resolved;
  } catch {
    return resolved;
  }
}

/** Same path, or `inner` inside `outer` (case-insensitive on Windows). */
export function isWithin(inner: string, outer: string, platform: NodeJS.Platform): boolean {
  const api = pathApi(platform);
  const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const rel = api.relative(fold(api.resolve(outer)), fold(api.resolve(inner)));
  return rel === '' || (!rel.startsWith('..') && !api.isAbsolute(rel));
}
