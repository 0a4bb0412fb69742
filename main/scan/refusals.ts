import type { ForeignKind } from './detect';

/**
 * Why a file was not imported, in French for the person at the counter: what happened, what it means, what to
 * do. Each message names the file. Pure.
 */
export type RefusalReason =
  | 'empty'
  | 'too_large'
  | 'foreign'
  | 'damaged'
  | 'incomplete'
  | 'pixels'
  | 'too_many_pages'
  | 'pdf_encrypted'
  | 'symlink'
  | 'not_a_file'
  | 'unreadable'
  | 'vanished'
  | 'heic_failed'
  | 'pdf_too_heavy';

const FOREIGN_LABELS: Record<ForeignKind, string> = {
  gif: 'une image GIF',
  webp: 'une image WebP',
  bmp: 'une image BMP',
  zip: 'une archive ou un document Word/Excel/LibreOffice',
  office: 'un ancien document Word ou Excel',
  text: 'du texte',
  executable: 'un programme',
  unknown: "un fichier d'un type inconnu",
};

export interface Refusal {
  reason: RefusalReason;
  /** The file's shown name (already made safe). */
  name: string;
  message: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** "1,4 million", "50 millions". */
function millions(count: number): string {
  const value = Math.round(count / 100_000) / 10;
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1, useGrouping: false })} million${value >= 2 ? 's' : ''}`;
}

export function refusal(
  reason: RefusalReason,
  name: string,
  details: {
    size?: number;
    limit?: number;
    foreign?: ForeignKind;
    pixels?: number;
    pages?: number;
    /** The page (from 1) that is too large, in a file of several pages. */
    page?: number;
  } = {},
): Refusal {
  const file = `« ${name} »`;
  const texts: Record<RefusalReason, string> = {
    empty: `Le fichier ${file} est vide (0 octet) : il n'a pas été importé. Scannez le document à nouveau.`,
    too_large: `Le fichier ${file} est trop lourd (${megabytes(details.size ?? 0)}, au plus ${megabytes(details.limit ?? 0)}) : il n'a pas été importé. Scannez-le en résolution plus basse (300 ppp suffisent) ou une page à la fois.`,
    foreign: `Le fichier ${file} n'est pas un scan : c'est ${FOREIGN_LABELS[details.foreign ?? 'unknown']}. Seuls les fichiers JPEG, PNG, TIFF, HEIC (photo d'iPhone) et PDF sont acceptés. Enregistrez ou scannez le document dans l'un de ces formats.`,
    damaged: `Le fichier ${file} est abîmé ou incomplet : il ne peut pas être lu. Scannez le document à nouveau.`,
    incomplete: `Le fichier ${file} n'est pas complet : il était peut-être encore en cours d'écriture. Attendez la fin du scan, puis réessayez. Si le message revient, scannez le document à nouveau.`,
    pixels: `${details.page ? `La page ${details.page} de ` : "L'image "}${file} est beaucoup trop grande (${millions(details.pixels ?? 0)} de points, au plus ${millions(details.limit ?? 0)}) : elle n'a pas été ouverte. Scannez le document en 300 ppp.`,
    too_many_pages: `Le fichier ${file} a trop de pages (${details.pages ?? 0}, au plus ${details.limit ?? 0}) : il n'a pas été importé. Scannez seulement les pages demandées.`,
    pdf_encrypted: `Le PDF ${file} est protégé (chiffré ou par un mot de passe) : il ne peut pas être envoyé tel quel. Ouvrez-le avec l'usager, imprimez-le, puis scannez le papier.`,
    symlink: `${file} dans le dossier de numérisation est un raccourci (lien symbolique) et non un fichier : il est ignoré. Seuls les fichiers déposés par le scanner sont importés.`,
    not_a_file: `${file} n'est pas un fichier : il est ignoré.`,
    unreadable: `Le fichier ${file} n'a pas pu être lu (accès refusé ou disque indisponible). Vérifiez le dossier, puis réessayez.`,
    vanished: `Le fichier ${file} a disparu avant d'être importé. Scannez le document à nouveau.`,
    pdf_too_heavy: `Le PDF ${file} demande trop de travail pour être lu (page trop compliquée ou trop grande) : il a été arrêté et n'a pas été importé. Imprimez-le, puis scannez le papier.`,
    heic_failed: `La photo ${file} (format HEIC d'iPhone) n'a pas pu être lue. Sur le téléphone, envoyez la photo en JPEG (« Le plus compatible »), ou scannez le document.`,
  };
  return { reason, name, message: texts[reason] };
}

/** A file refused somewhere in the pipeline: carries the French refusal up to the import service. */
export class RefusedFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(`refused: ${refusal.reason}`);
    this.name = 'RefusedFile';
  }
}

export function refuse(...args: Parameters<typeof refusal>): never {
  throw new RefusedFile(refusal(...args));
}
