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
