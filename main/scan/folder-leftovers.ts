import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import type { OutsideLeftovers, OutsideSwept } from '../session/leftovers';
import { ARRIVALS_FILE, isArrival, parseArrivals, type Arrival } from './folder-arrivals';

/**
 * The start-up sweep's part for the scan folder: a session the station could not end (crash, power loss) had its
 * arrivals written down in its workspace (folder-arrivals.ts). Each file of the folder that is still one of them is
 * deleted and counted; a file that took its name since, a link, a folder and anything outside the folder are left.
 * A damaged or unreadable list never stops the start: the mediator is told what to check.
 */

/** More than any counter scans in a day (a line is under 100 bytes): a bigger list is not one the station wrote. */
const MAX_LIST_BYTES = 1024 * 1024;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export const LIST_DAMAGED =
  "La liste des scans de l'accompagnement précédent est abîmée (l'application s'est arrêtée pendant qu'elle l'écrivait). Un scan de l'usager précédent est peut-être encore dans le dossier de numérisation : ouvrez ce dossier et supprimez-le. À l'accompagnement suivant, il sera gardé à part, sans son nom.";

export const FOLDER_UNREACHABLE =
  "Le dossier de numérisation n'est pas accessible (partage absent, clé USB retirée ?). Les scans de l'usager précédent n'ont pas pu y être supprimés. S'il est revenu, ils le seront au début du prochain accompagnement. Sinon, dès qu'il est de nouveau là, ouvrez-le et supprimez-les.";

export function scansNotDeleted(count: number): string {
  const which = count === 1 ? "1 scan de l'usager précédent n'a" : `${count} scans de l'usager précédent n'ont`;
  return `${which} pas pu être supprimé${count === 1 ? '' : 's'} du dossier de numérisation (accès refusé ?). Supprimez-les depuis l'explorateur de fichiers avant l'usager suivant.`;
}

/** The sweep's part, reading the scan folder from the configuration at the time of the sweep. */
export function scanFolderLeftovers(folder: () => string | null): OutsideLeftovers {
  return { name: 'scan', sweep: (workspaceDir) => sweepArrivals(workspaceDir, folder) };
}

export function sweepArrivals(workspaceDir: string, folder: () => string | null): OutsideSwept {
  const listPath = join(workspaceDir, ARRIVALS_FILE);
  const list = readList(listPath);
  const found = { files: 0, bytes: 0, problems: [] as string[] };
  if (!list) return found;
  if (list.damaged) found.problems.push(LIST_DAMAGED);
  if (list.arrivals.length > 0) {
    const dir = configuredFolder(folder);
    const deleted = deleteArrivals(dir, list.arrivals);
    found.files = deleted.files;
    found.bytes = deleted.bytes;
    if (deleted.left > 0) found.problems.push(scansNotDeleted(deleted.left));
    if (deleted.unreachable) {
      found.problems.push(FOLDER_UNREACHABLE);
      // A share not mounted yet (the station booted first after a power cut): the list waits for the next sweep.
      if (dir) return { ...found, keep: ARRIVALS_FILE };
    }
  }
  // Used: it goes before the workspace is measured, so the report counts the session's files, not this list.
  try {
    rmSync(listPath, { force: true });
  } catch {
    // Not a file (a folder put in its place): the workspace's removal takes it.
  }
  return found;
}

function configuredFolder(folder: () => string | null): string | null {
  try {
    return folder();
  } catch {
    return null;
  }
}

/** The list's arrivals, or null when the session had none (no list, or no workspace folder at all). */
function readList(path: string): { arrivals: Arrival[]; damaged: boolean } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return { arrivals: [], damaged: true };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { arrivals: [], damaged: true };
    const bytes = Buffer.alloc(Math.min(info.size, MAX_LIST_BYTES));
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    const parsed = parseArrivals(bytes.subarray(0, filled).toString('latin1'));
    return { arrivals: parsed.arrivals, damaged: parsed.damaged || info.size > MAX_LIST_BYTES };
  } catch {
    return { arrivals: [], damaged: true };
  } finally {
    closeSync(fd);
  }
}

/**
 * Deletes, among the folder's own entries (never a subfolder's, never through a link), each regular file that is
 * one of the arrivals.
 */
function deleteArrivals(folder: string | null, arrivals: Arrival[]) {
  const result = { files: 0, bytes: 0, left: 0, unreachable: false };
  let names: string[] | null = null;
  try {
    if (folder) names = readdirSync(folder);
  } catch {
    names = null;
  }
  if (!folder || !names) return { ...result, unreachable: true };
  for (const name of names) {
    const path = join(folder, name);
    const info = lstatOf(path);
    if (!info?.isFile() || !arrivals.some((arrival) => isArrival(arrival, info))) continue;
    try {
      unlinkSync(path);
      result.files++;
      result.bytes += Number(info.size);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') result.left++;
    }
  }
  return result;
}

function lstatOf(path: string) {
  try {
    return lstatSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
