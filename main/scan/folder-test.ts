import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * "Tester le dossier" for the référent: the folder exists, can be read, can be written (a test file appears and
 * is removed again). Real file operations, nothing simulated.
 */
export interface FolderCheck {
  label: string;
  ok: boolean;
  message: string;
}

export async function testFolder(folder: string): Promise<{ ok: boolean; checks: FolderCheck[] }> {
  const checks: FolderCheck[] = [];
  const done = () => ({ ok: checks.every((check) => check.ok), checks });

  let isDirectory = false;
  try {
    const info = await stat(folder);
    isDirectory = info.isDirectory();
    checks.push({
      label: 'Le dossier existe',
      ok: isDirectory,
      message: isDirectory
        ? 'Le dossier a été trouvé.'
        : 'Ce chemin mène à un fichier, pas à un dossier. Indiquez le dossier où le scanner dépose ses fichiers.',
    });
  } catch {
    checks.push({
      label: 'Le dossier existe',
      ok: false,
      message:
        'Ce dossier est introuvable. Vérifiez le chemin, et pour un partage réseau que le poste y est bien connecté.',
    });
  }
  if (!isDirectory) return done();

  try {
    await access(folder, constants.R_OK);
    await readdir(folder);
    checks.push({ label: 'Le dossier peut être lu', ok: true, message: 'Le contenu du dossier peut être lu.' });
  } catch {
    checks.push({
      label: 'Le dossier peut être lu',
      ok: false,
      message: "Le poste n'a pas le droit de lire ce dossier. Demandez les droits de lecture et d'écriture.",
    });
    return done();
  }

  const probe = join(folder, `.point-numerique-test-${randomUUID()}.tmp`);
  try {
    const text = `test ${new Date().toISOString()}`;
    await writeFile(probe, text, { flag: 'wx' });
    const back = await readFile(probe, 'utf8');
    if (back !== text) throw new Error('read back differs');
    checks.push({
      label: 'Un fichier peut y être écrit',
      ok: true,
      message: 'Un fichier de test a été créé puis relu.',
    });
  } catch {
    checks.push({
      label: 'Un fichier peut y être écrit',
      ok: false,
      message:
        "Impossible d'écrire dans ce dossier. L'application doit pouvoir y supprimer les scans après import : demandez les droits d'écriture.",
    });
    await rm(probe, { force: true }).catch(() => undefined);
    return done();
  }

  try {
    await rm(probe);
    const gone = await lstat(probe).then(
      () => false,
      () => true,
    );
    checks.push({
      label: 'Un fichier peut y être supprimé',
      ok: gone,
      message: gone
        ? 'Le fichier de test a été supprimé : les scans importés pourront être retirés du dossier.'
        : "Le fichier de test n'a pas pu être supprimé. Supprimez-le à la main et demandez les droits de suppression.",
    });
  } catch {
    checks.push({
      label: 'Un fichier peut y être supprimé',
      ok: false,
      message:
        "Le fichier de test n'a pas pu être supprimé. Sans ce droit, les papiers des usagers resteraient dans le dossier : demandez les droits de suppression.",
    });
  }
  return done();
}
