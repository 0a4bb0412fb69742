import { ACCESS_REFUSALS, type AccessLevel } from '../../preload/api';
import { CounterFault } from '../errors';
import type { Journal } from '../journal/journal';
import type { SessionService } from '../session/service';
import type { AccessStore, MediatorRow } from './access-store';
import { refusalFor, type AccessGate } from './gate';
import { afterWrongPin, formatWait, remainingLockMs, TRIES_BEFORE_LOCK, UNLOCKED, type LockState } from './lockout';
import { hashPin, MEDIATOR_PIN, REFERENT_PIN, verifyPin } from './pin-hash';

export interface SignedInMediator {
  id: number;
  pseudonym: string;
}

export interface MediatorView {
  id: number;
  pseudonym: string;
  active: boolean;
  /** ISO time until which the account waits after wrong PINs, or null. */
  lockedUntil: string | null;
}

export interface AccessStatus {
  setUp: boolean;
  /** Active pseudonyms, for the sign-in screen. */
  mediators: string[];
  mediator: SignedInMediator | null;
  referent: { signedIn: boolean; until: string | null };
}

/** Why the référent area closed (the journal's `referent.signed_out` line says it). */
export type ReferentCloseReason = 'left' | 'mediator' | 'session' | 'idle';

export const PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,39}$/u;

export const NOT_SET_UP = new CounterFault(
  'station_not_set_up',
  "Ce poste n'est pas encore installé. Le référent numérique doit d'abord le configurer (assistant d'installation).",
);

export const NO_MEDIATOR = new CounterFault(ACCESS_REFUSALS.notSignedIn.code, ACCESS_REFUSALS.notSignedIn.message);

const REFERENT_DURING_SESSION = new CounterFault(
  'session_running',
  "Un accompagnement est en cours sur ce poste : l'espace référent s'ouvre quand il est terminé.",
);

const EXPORT_PIN_MISSING = new CounterFault(
  'pin_required',
  'Pour exporter avec les codes, saisissez de nouveau le code du référent.',
);

/** Used when no configuration says otherwise (tests of the service alone). */
const DEFAULT_REFERENT_IDLE_MINUTES = 5;

/**
 * Who is at the counter: the signed-in mediator (pseudonym + PIN) and, separately, the référent (référent PIN;
 * the area closes when it is left, when a mediator signs in, when an accompaniment starts, and after
 * `session.referentIdleMinutes` without a référent call). It is also the gate main/dispatch.ts asks before every
 * handler (`admit`, the rule in ./gate.ts). Wrong PINs lock the account (main/access/lockout.ts). No PIN is ever
 * kept in memory longer than the check, logged, or journaled.
 */
export class AccessService implements AccessGate {
  private mediator: SignedInMediator | null = null;
  private referentUntil = 0;
  /** PIN checks run one after the other, so parallel tries cannot slip past the failed-try counter. */
  private checks: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: AccessStore;
      journal: Journal;
      sessions: SessionService;
      now?: () => Date;
      /** From the configuration (session.referentIdleMinutes), read at each référent call. */
      referentIdleMinutes?: () => number;
    },
  ) {
    // An accompaniment starting closes the référent area: the usager never sits in front of it.
    deps.sessions.onStart(() => this.closeReferent('session'));
  }

  /** The access check of every call (main/dispatch.ts); each admitted référent call keeps the area open longer. */
  admit(level: AccessLevel): void {
    const referentOpen = this.isReferent();
    if (!referentOpen && this.referentUntil !== 0) this.closeReferent('idle');
    const refusal = refusalFor(level, {
      setUp: this.isSetUp(),
      mediator: this.mediator !== null,
      session: this.deps.sessions.current() !== null,
      referent: referentOpen,
    });
    if (refusal) throw new CounterFault(refusal.code, refusal.message);
    if (level === 'referent' || (level === 'setup' && this.isSetUp())) this.keepReferentOpen();
  }

  /** The mediators and référent tables, for main/config's export/import. */
  get store(): AccessStore {
    return this.deps.store;
  }

  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  isSetUp(): boolean {
    return this.deps.store.referent() !== null;
  }

  status(): AccessStatus {
    const setUp = this.isSetUp();
    const signedIn = this.isReferent();
    return {
      setUp,
      mediators: setUp
        ? this.deps.store
            .mediators()
            .filter((m) => m.active)
            .map((m) => m.pseudonym)
        : [],
      mediator: this.mediator,
      referent: { signedIn, until: signedIn ? new Date(this.referentUntil).toISOString() : null },
    };
  }

  currentMediator(): SignedInMediator | null {
    return this.mediator;
  }

  /** The signed-in mediator, or the French "not signed in" fault. */
  requireMediator(): SignedInMediator {
    if (!this.mediator) throw NO_MEDIATOR;
    return this.mediator;
  }

  async signIn(pseudonym: string, pin: string): Promise<SignedInMediator> {
    if (!this.isSetUp()) throw NOT_SET_UP;
    if (this.deps.sessions.current()) {
      throw new CounterFault(
        'session_running',
        "Un accompagnement est en cours sur ce poste. Il doit être terminé avant qu'un autre médiateur se connecte.",
      );
    }
    const row = this.deps.store.mediatorByPseudonym(pseudonym.trim());
    if (!row || !row.active) {
      throw new CounterFault(
        'unknown_mediator',
        "Ce pseudonyme n'existe pas ou n'est plus actif sur ce poste. Choisissez votre pseudonyme dans la liste ; s'il n'y est pas, demandez au référent numérique.",
      );
    }
    await this.checkMediatorPin(row.id, pin);
    this.closeReferent('mediator');
    this.mediator = { id: row.id, pseudonym: row.pseudonym };
    this.deps.journal.append('mediator.signed_in', {}, row.pseudonym);
    return this.mediator;
  }

  /** Ends the running session first (the session service owns the wipe), then forgets the mediator. */
  async signOut(): Promise<void> {
    await this.deps.sessions.end('signed_out');
    const mediator = this.mediator;
    this.mediator = null;
    if (mediator) this.deps.journal.append('mediator.signed_out', {}, mediator.pseudonym);
  }

  /** Re-checks the signed-in mediator's PIN (to leave the usager's screens), with the same lockout. */
  async confirmMediatorPin(pin: string): Promise<void> {
    const current = this.requireMediator();
    await this.checkMediatorPin(current.id, pin);
  }

  async referentSignIn(pin: string): Promise<{ until: string }> {
    if (!this.isSetUp()) throw NOT_SET_UP;
    if (this.deps.sessions.current()) throw REFERENT_DURING_SESSION;
    await this.checkReferentPin(pin);
    // A session may have started while the PIN was being checked.
    if (this.deps.sessions.current()) throw REFERENT_DURING_SESSION;
    this.keepReferentOpen();
    this.deps.journal.append('referent.signed_in', {}, 'referent');
    return { until: new Date(this.referentUntil).toISOString() };
  }

  /** The référent left the area (its "Fermer" button, or the renderer navigating away from it). */
  referentSignOut(): void {
    this.closeReferent('left');
  }

  isReferent(): boolean {
    return this.referentUntil > this.now().getTime();
  }

  /** The export "avec les codes" asks the référent PIN again, with the same lockout as the sign-in. */
  async confirmReferentPin(pin: string | undefined): Promise<void> {
    if (!pin) throw EXPORT_PIN_MISSING;
    await this.checkReferentPin(pin);
  }

  private referentIdleMs(): number {
    return (this.deps.referentIdleMinutes?.() ?? DEFAULT_REFERENT_IDLE_MINUTES) * 60_000;
  }

  private keepReferentOpen(): void {
    this.referentUntil = this.now().getTime() + this.referentIdleMs();
  }

  private closeReferent(reason: ReferentCloseReason): void {
    if (this.referentUntil === 0) return;
    const why = this.isReferent() ? reason : 'idle';
    this.referentUntil = 0;
    this.deps.journal.append('referent.signed_out', { reason: why }, 'referent');
  }

  private checkReferentPin(pin: string): Promise<void> {
    return this.checkPin(() => this.deps.store.referent(), pin, {
      save: (state) => this.deps.store.setReferentLock(state),
      onLock: (state) => this.deps.journal.append('referent.locked_out', { lockouts: state.lockouts }, 'referent'),
      who: 'le code du référent',
    });
  }

  // ----- the référent's administration of mediators and of its own PIN (the gate admitted the référent) -----

  listMediators(): MediatorView[] {
    return this.deps.store.mediators().map((m) => ({
      id: m.id,
      pseudonym: m.pseudonym,
      active: m.active,
      lockedUntil: remainingLockMs(m, this.now()) > 0 ? m.lockedUntil : null,
    }));
  }

  async addMediator(pseudonym: string, pin: string): Promise<MediatorView> {
    const name = checkPseudonym(pseudonym);
    checkMediatorPinFormat(pin);
    if (this.deps.store.mediatorByPseudonym(name)) {
      throw new CounterFault(
        'pseudonym_taken',
        `Le pseudonyme « ${name} » existe déjà sur ce poste. Choisissez-en un autre.`,
      );
    }
    await this.refuseReferentPin(pin);
    const id = this.deps.store.addMediator(name, await hashPin(pin), this.now());
    this.deps.journal.append('mediator.added', { mediator: id }, 'referent');
    return { id, pseudonym: name, active: true, lockedUntil: null };
  }

  setMediatorActive(id: number, active: boolean): void {
    this.existingMediator(id);
    this.deps.store.setMediatorActive(id, active);
    this.deps.journal.append('mediator.changed', { mediator: id, active }, 'referent');
  }

  async resetMediatorPin(id: number, pin: string): Promise<void> {
    this.existingMediator(id);
    checkMediatorPinFormat(pin);
    await this.refuseReferentPin(pin);
    this.deps.store.setMediatorPin(id, await hashPin(pin));
    this.deps.journal.append('mediator.changed', { mediator: id, pin: 'reset' }, 'referent');
  }

  async changeReferentPin(pin: string): Promise<void> {
    checkReferentPinFormat(pin);
    this.deps.store.setReferentPin(await hashPin(pin), this.now());
    this.deps.journal.append('config.changed', { section: 'referent_pin' }, 'referent');
  }

  // ----- checks -----

  private existingMediator(id: number): MediatorRow {
    const row = this.deps.store.mediator(id);
    if (!row) {
      throw new CounterFault(
        'unknown_mediator',
        "Ce médiateur n'existe pas (ou plus) sur ce poste. Rechargez la liste.",
      );
    }
    return row;
  }

  /** A mediator's PIN must never open the référent area: it may not equal the référent's PIN. */
  private async refuseReferentPin(pin: string): Promise<void> {
    const referent = this.deps.store.referent();
    if (referent && (await verifyPin(pin, referent.pinHash))) {
      throw new CounterFault(
        'pin_is_referent',
        'Ce code est celui du référent : un médiateur ne peut pas avoir le même. Choisissez un autre code.',
      );
    }
  }

  private checkMediatorPin(id: number, pin: string): Promise<void> {
    return this.checkPin(() => this.deps.store.mediator(id), pin, {
      save: (state) => this.deps.store.setMediatorLock(id, state),
      onLock: (state) =>
        this.deps.journal.append(
          'mediator.locked_out',
          { lockouts: state.lockouts },
          this.deps.store.mediator(id)?.pseudonym ?? null,
        ),
      who: 'ce compte',
    });
  }

  private checkPin(
    load: () => (LockState & { pinHash: string }) | null,
    pin: string,
    on: { save(state: LockState): void; onLock(state: LockState): void; who: string },
  ): Promise<void> {
    const run = this.checks.then(() => this.checkPinNow(load, pin, on));
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async checkPinNow(
    load: () => (LockState & { pinHash: string }) | null,
    pin: string,
    on: { save(state: LockState): void; onLock(state: LockState): void; who: string },
  ): Promise<void> {
    const row = load();
    if (!row) throw NO_MEDIATOR;
    const wait = remainingLockMs(row, this.now());
    if (wait > 0) throw lockedFault(on.who, wait);
    if (await verifyPin(pin, row.pinHash)) {
      if (row.failedTries || row.lockouts || row.lockedUntil) on.save(UNLOCKED);
      return;
    }
    const next = afterWrongPin(row, this.now());
    on.save(next.state);
    if (next.locked) {
      on.onLock(next.state);
      throw lockedFault(on.who, remainingLockMs(next.state, this.now()));
    }
    throw new CounterFault(
      'pin_wrong',
      `Code incorrect. Il reste ${next.triesLeft} essai${next.triesLeft > 1 ? 's' : ''} avant un blocage temporaire (${TRIES_BEFORE_LOCK} erreurs de suite bloquent ${on.who}).`,
    );
  }
}

function lockedFault(who: string, ms: number): CounterFault {
  return new CounterFault(
    'pin_locked',
    `Trop de codes incorrects : ${who} est bloqué pour le moment. Réessayez dans ${formatWait(ms)}. En cas d'oubli du code, demandez au référent numérique.`,
  );
}

export function checkPseudonym(value: string): string {
  const name = value.trim();
  if (!PSEUDONYM.test(name)) {
    throw new CounterFault(
      'pseudonym_invalid',
      "Le pseudonyme doit faire de 1 à 40 caractères : lettres, chiffres, espace, point, tiret ou apostrophe. N'utilisez pas le vrai nom de la personne.",
    );
  }
  return name;
}

export function checkMediatorPinFormat(pin: string): void {
  if (!MEDIATOR_PIN.test(pin)) {
    throw new CounterFault(
      'pin_format',
      'Le code du médiateur doit contenir de 4 à 12 chiffres, sans autre caractère.',
    );
  }
}

export function checkReferentPinFormat(pin: string): void {
  if (!REFERENT_PIN.test(pin)) {
    throw new CounterFault('pin_format', 'Le code du référent doit contenir de 6 à 12 chiffres, sans autre caractère.');
  }
}
