import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActiveSession } from '../session/session';
import type { FileStamp } from './open-file';

/**
 * File times come from a coarse clock (a few milliseconds behind on Linux, seconds on some shares): a file
 * written just as the session started may carry a time a little before it. It is the session's all the same.
 */
const START_GRACE_MS = 1_000;

/** True when a file with this modification time was written during the session (or as it started). */
export function writtenDuring(session: ActiveSession, mtimeMs: number): boolean {
  return mtimeMs >= session.startedAt.getTime() - START_GRACE_MS;
}

/** What the folder intake knows of one file of the scan folder. */
export interface FolderFile {
  /** For the screen's buttons; kept when the file is rescanned under the same name. */
  id: string;
  path: string;
  /** Safe to show; shown only to the session the file belongs to. */
  name: string;
  size: number;
  /** When the intake first saw it (the order of the list). */
  seenAt: number;
  mtimeMs: number;
  /** The session it arrived during (or was imported for), or null: it was there before, or came with no session. */
  sessionId: string | null;
  /** 'waiting': held (from before) or not yet imported; 'imported': kept only because its deletion failed. */
  status: 'waiting' | 'queued' | 'refused' | 'imported';
  /** Why it was refused, in French, naming the file. */
  message: string;
  /** The file as last looked at or read: a different stamp means it changed (rescan, overwrite). */
  stamp: FileStamp | null;
  /** Changed while it was being imported: looked at again once the import is done. */
  dirty: boolean;
}

/**
 * The files a session brought into the folder: those it imported, refused or was still waiting for (known to
 * the intake as the session's), and those still arriving that the intake has not looked at yet (written after the
 * session started). Files from before stay: they are not the session's to delete.
 */
export async function sessionFilesOf(
  folder: string,
  session: ActiveSession,
  known: ReadonlyMap<string, FolderFile>,
): Promise<string[]> {
  const paths = new Set<string>();
  for (const file of known.values()) if (file.sessionId === session.id) paths.add(file.path);
  let names: string[] = [];
  try {
    names = await readdir(folder);
  } catch {
    return [...paths];
  }
  for (const name of names) {
    const path = join(folder, name);
    if (paths.has(path)) continue;
    const info = await lstat(path).catch(() => null);
    if (!info || info.isDirectory() || !writtenDuring(session, info.mtimeMs)) continue;
    const file = known.get(path);
    // Known as a file from before, and unchanged since: not this session's.
    if (file && file.stamp && file.stamp.ino === info.ino && file.stamp.mtimeMs === info.mtimeMs) continue;
    paths.add(path);
  }
  return [...paths];
}

function sizeText(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} ko`;
  return `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/**
 * The words for a file held from before this session: never its name (it may be the previous usager's paper,
 * and the usager sits at the screen), only when it arrived and its size, so the mediator can tell a scan the
 * usager just made.
 */
export function heldMessage(file: Pick<FolderFile, 'mtimeMs' | 'size'>): string {
  const when = new Date(file.mtimeMs).toLocaleString('fr-FR', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `Un fichier était déjà dans le dossier de numérisation avant cet accompagnement (arrivé le ${when}, ${sizeText(file.size)}). Il vient peut-être de l'usager précédent : son nom n'est pas affiché. Importez-le seulement si l'usager vient de le scanner. Sinon, supprimez-le.`;
}
