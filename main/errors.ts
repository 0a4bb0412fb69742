import type { CounterError } from '../preload/api';

/**
 * An error meant for the person at the counter: a stable code plus a French message that says what happened and
 * what to do. Services throw it; the dispatcher turns it into the contract's error value.
 */
export class CounterFault extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'CounterFault';
  }

  toValue(): CounterError {
    return { code: this.code, message: this.userMessage };
  }
}

export const UNEXPECTED: CounterError = {
  code: 'unexpected',
  message:
    "Une erreur inattendue s'est produite. Rien n'a été perdu de ce qui était enregistré. Réessayez ; si cela recommence, prévenez le référent numérique.",
};

export const BAD_REQUEST: CounterError = {
  code: 'bad_request',
  message:
    "L'application a envoyé une demande incorrecte. Réessayez ; si cela recommence, prévenez le référent numérique.",
};

export const REFUSED_SENDER: CounterError = {
  code: 'refused_sender',
  message: "Cette demande ne vient pas de la fenêtre de l'application : elle est refusée.",
};

export const DISK_FULL = new CounterFault(
  'disk_full',
  "Le disque de ce poste est plein : l'application ne peut rien enregistrer, et rien n'a été changé. Terminez l'accompagnement en cours pour libérer de la place, puis réessayez. Si cela recommence, prévenez le référent numérique : il faut libérer de la place sur le disque.",
);

export const DISK_READ_ONLY = new CounterFault(
  'disk_read_only',
  "Le dossier de données de ce poste ne peut plus être modifié (disque en lecture seule ou droits retirés) : rien n'a été changé. Prévenez le référent numérique.",
);

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

/**
 * The French fault for a write that failed for lack of space or of write access (SQLite or the file system),
 * or null for any other error. Looks through `cause` so a wrapped error is recognised too.
 */
export function diskFault(error: unknown): CounterFault | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof CounterFault && (current.code === 'disk_full' || current.code === 'disk_read_only')) {
      return current;
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (FULL_CODES.has(code) || code.startsWith('SQLITE_FULL')) return DISK_FULL;
      if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) return DISK_READ_ONLY;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Runs a write; a full or read-only disk becomes its French fault, other errors pass unchanged. */
export function asDiskFault(error: unknown): unknown {
  return diskFault(error) ?? error;
}
