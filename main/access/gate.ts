import { ACCESS_REFUSALS, type AccessLevel, type CounterError } from '../../preload/api';

/** Who is at the counter when a call arrives. */
export interface AccessState {
  setUp: boolean;
  mediator: boolean;
  session: boolean;
  referent: boolean;
}

/**
 * The one access check of the contract (main/dispatch.ts runs it before every handler): null when a caller in
 * `state` may call a channel of `level`, else the contract's French refusal. Pure, so the rule reads in one place.
 */
export function refusalFor(level: AccessLevel, state: AccessState): CounterError | null {
  switch (level) {
    case 'public':
      return null;
    case 'setup':
      return state.setUp ? refusalFor('referent', state) : null;
    case 'signedIn':
      return state.mediator || refusalFor('referent', state) === null ? null : ACCESS_REFUSALS.notSignedIn;
    case 'mediator':
      return state.mediator ? null : ACCESS_REFUSALS.notSignedIn;
    case 'session':
      return !state.mediator ? ACCESS_REFUSALS.notSignedIn : state.session ? null : ACCESS_REFUSALS.noSession;
    case 'referent':
      if (state.session) return ACCESS_REFUSALS.referentDuringSession;
      return state.referent ? null : ACCESS_REFUSALS.referentClosed;
  }
}

/** What main/dispatch.ts asks before running a handler: throws the French refusal, or lets the call through. */
export interface AccessGate {
  admit(level: AccessLevel): void;
}

/** For a station whose database could not open: every handler answers with the damage report anyway. */
export const OPEN_GATE: AccessGate = { admit() {} };
