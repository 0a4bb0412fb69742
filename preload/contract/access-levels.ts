import type { CounterError } from './common';

/**
 * Who may call a channel. Every channel of the contract names one; main/dispatch.ts checks it once, before the
 * handler runs (main/access/gate.ts), so no handler repeats the check.
 * - `public`: anyone, even before the first setup (status, sign-in screens, the first-start assistant).
 * - `setup`: anyone while the station is not set up yet, then only the référent (importing a configuration).
 * - `signedIn`: a mediator signed in, or the référent area open (the catalog, the printer's state).
 * - `mediator`: a mediator signed in.
 * - `session`: an accompaniment running (so a mediator is signed in).
 * - `referent`: the référent area open, and no accompaniment running. It closes when it is left, when a
 *   mediator signs in, when an accompaniment starts, and after `session.referentIdleMinutes` without a call.
 */
export const ACCESS_LEVELS = ['public', 'setup', 'signedIn', 'mediator', 'session', 'referent'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The French refusals of the access check: the same values cross the contract whichever channel refused. */
export const ACCESS_REFUSALS = {
  notSignedIn: {
    code: 'not_signed_in',
    message: "Aucun médiateur n'est connecté. Connectez-vous avec votre pseudonyme et votre code pour continuer.",
  },
  noSession: {
    code: 'no_session',
    message: "Aucun accompagnement n'est en cours. Commencez un accompagnement pour continuer.",
  },
  referentClosed: {
    code: 'referent_required',
    message:
      "L'espace référent est fermé. Il se ferme quand on le quitte, quand un médiateur se connecte, quand un accompagnement commence et après quelques minutes sans action. Saisissez le code du référent pour l'ouvrir.",
  },
  referentDuringSession: {
    code: 'referent_required',
    message:
      "L'espace référent est fermé pendant un accompagnement. Terminez l'accompagnement, puis saisissez le code du référent.",
  },
} as const satisfies Record<string, CounterError>;
