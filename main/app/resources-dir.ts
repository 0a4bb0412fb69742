import { join, resolve } from 'node:path';

/**
 * Where the app's read-only resources are (the démarches catalog, the Electron build of better-sqlite3).
 * Packaged: electron-builder copies them beside app.asar, in process.resourcesPath (electron-builder.yml,
 * extraResources). Otherwise (npm start, the web host, tests): the repository's resources/ folder.
 * Needs no `electron` import: the packaged app is the only case where Electron runs without `process.defaultApp`.
 */
export interface ResourcesProcess {
  versions: NodeJS.ProcessVersions;
  resourcesPath?: string;
  defaultApp?: boolean;
}

/** The repository root: this file is main/app/resources-dir.ts, bundled into out/main/index.js (two levels too). */
const REPO_ROOT = resolve(__dirname, '..', '..');

export function isPackagedApp(proc: ResourcesProcess = process): boolean {
  return !!proc.versions.electron && !proc.defaultApp && !!proc.resourcesPath;
}

/** The folder holding the read-only resources: process.resourcesPath when packaged, <repo>/resources otherwise. */
export function resourcesDir(proc: ResourcesProcess = process): string {
  return isPackagedApp(proc) ? proc.resourcesPath! : join(REPO_ROOT, 'resources');
}

/** The démarches catalog folder (main/flow loads it): <repo>/resources/demarches, packaged <resources>/demarches. */
export function demarchesCatalogDir(proc: ResourcesProcess = process): string {
  return join(resourcesDir(proc), 'demarches');
}

/**
 * The same path outside the asar archive, for what electron-builder.yml unpacks (asarUnpack): a module resolved
 * from the packaged app is still named inside app.asar. Any other path is returned unchanged.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}
