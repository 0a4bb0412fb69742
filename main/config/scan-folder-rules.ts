import { isWithin, pathApi, realOrResolved, type GuardContext } from './guard-context';

/**
 * The scan folder (config.scan.folder) is read and emptied by the app: every file there may be shown to the
 * counter and deleted. So it is never the data dir, inside it or above it (station.db would show as a waiting scan
 * with a delete button), never a system or app folder, and never the home folder itself or above it.
 */
const POSIX_SYSTEM = ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/boot', '/proc', '/sys', '/dev', '/run'];
/** Refused themselves, not their subfolders (/var/scans, /home/accueil/scans are fine). */
const POSIX_SYSTEM_EXACT = ['/', '/var', '/home', '/root', '/tmp', '/mnt', '/media', '/srv', '/opt'];
const WINDOWS_SYSTEM = ['C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)', 'C:\\ProgramData'];

export type FolderProblem = { code: string; reason: string } | null;

const DATA_DIR: FolderProblem = {
  code: 'scan_folder_data_dir',
  reason:
    'ce dossier contient le dossier de données du poste, ou en fait partie : ses fichiers seraient montrés et supprimés comme des scans. Choisissez un dossier réservé au scanner.',
};
const SYSTEM: FolderProblem = {
  code: 'scan_folder_system',
  reason:
    "c'est un dossier du système ou de l'application : ses fichiers seraient montrés et supprimés comme des scans. Choisissez un dossier réservé au scanner.",
};
const HOME: FolderProblem = {
  code: 'scan_folder_home',
  reason:
    "c'est le dossier personnel du compte, ou un dossier qui le contient. Choisissez un sous-dossier réservé au scanner (par exemple Scans).",
};
const NOT_ABSOLUTE: FolderProblem = {
  code: 'scan_folder_relative',
  reason: 'il faut le chemin complet du dossier (par exemple C:\\Scans ou /srv/scans).',
};

export function checkScanFolder(folder: string | null, ctx: GuardContext): FolderProblem {
  if (folder === null) return null;
  const api = pathApi(ctx.platform);
  const windows = ctx.platform === 'win32';
  // A network share (\\serveur\partage) is absolute too.
  if (!api.isAbsolute(folder)) return NOT_ABSOLUTE;
  const candidates = [...new Set([api.resolve(folder), realOrResolved(folder, ctx.platform)])];
  const dataDirs = [...new Set([api.resolve(ctx.dataDir), realOrResolved(ctx.dataDir, ctx.platform)])];
  const within = (inner: string, outer: string) => isWithin(inner, outer, ctx.platform);
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const candidate of candidates) {
    const resources = realOrResolved(ctx.resourcesDir, ctx.platform);
    if (within(candidate, resources) || within(ctx.resourcesDir, candidate) || within(resources, candidate)) {
      return SYSTEM;
    }
    if (windows) {
      // A drive's root (C:\); a network share (\\copieur\scans) is the copier's own folder.
      if (/^[A-Za-z]:\\?$/.test(candidate)) return SYSTEM;
      if (WINDOWS_SYSTEM.some((dir) => within(candidate, dir))) return SYSTEM;
    } else {
      if (POSIX_SYSTEM.some((dir) => within(candidate, dir))) return SYSTEM;
      if (POSIX_SYSTEM_EXACT.some((dir) => same(candidate, dir))) return SYSTEM;
    }
    if (within(ctx.homeDir, candidate)) return HOME;
    if (dataDirs.some((dir) => within(candidate, dir) || within(dir, candidate))) return DATA_DIR;
  }
  return null;
}
