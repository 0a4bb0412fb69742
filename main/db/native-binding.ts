import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 needs a build for Electron's ABI when the app runs and the Node one for the tests. The Node build
 * stays in node_modules; scripts/electron-native.mjs puts the Electron build in native/electron/ (packaged:
 * resources/native/). Under Node this returns undefined and better-sqlite3 loads its own build.
 */
export function nativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    resources ? join(resources, 'native', 'better_sqlite3.node') : undefined,
    join(__dirname, '..', '..', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((file): file is string => !!file && existsSync(file));
}
