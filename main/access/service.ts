import { ACCESS_REFUSALS, type AccessLevel } from '../../preload/api';
import { asDiskFault, CounterFault } from '../errors';
import type { Journal } from '../journal/journal';
import type { SessionService } from '../session/service';
import type { AccessStore, MediatorRow } from './access-store';
import { refusalFor, type AccessGate } from './gate';
import {
  afterRightPin,
  afterWrongPin,
  formatWait,
  remainingLockMs,
  TRIES_BEFORE_LOCK,
  type LockState,
} from './lockout';
import { hashPin, needsRehash, PIN_COST, verifyPin, type PinCost } from './pin-hash';
import { checkMediatorPinFormat, checkReferentPinFormat, PIN_TAKEN } from './pin-policy';

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

const PIN_MISSING = new CounterFault('pin_required', 'Saisissez de nouveau le code du référent pour continuer.');

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
  /** Wrong tries the disk could not record (full or read-only): they still count until the app restarts. */
  private readonly unrecorded = new Map<string, LockState>();

  constructor(
    private readonly deps: {
      store: AccessStore;
      journal: Journal;
      sessions: SessionService;
      now?: () => Date;
      /** The scrypt cost of new hashes; production keeps PIN_COST, tests inject a cheaper one to stay fast. */
      pinCost?: PinCost;
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

  /** The scrypt cost new PIN hashes get (main/config/setup.ts hashes the first référent PIN with it too). */
  get pinCost(): PinCost {
    return this.deps.pinCost ?? PIN_COST;
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
    await this.checkMediatorPin(row.id, pin, () => this.deps.journal.append('mediator.signed_in', {}, row.pseudonym));
    this.closeReferent('mediator');
    this.mediator = { id: row.id, pseudonym: row.pseudonym };
    return this.mediator;
  }

  /** Ends the running session first (the session service owns the wipe), then forgets the mediator. */
  async signOut(): Promise<void> {
    await this.deps.sessions.end('signed_out');
    const mediator = this.mediator;
    this.mediator = null;
    // Signing out is the safe direction: it happens even when the disk cannot take the journal line.
    if (mediator) this.journalQuietly(() => this.deps.journal.append('mediator.signed_out', {}, mediator.pseudonym));
  }

  /** Re-checks the signed-in mediator's PIN (to leave the usager's screens), with the same lockout. */
  async confirmMediatorPin(pin: string): Promise<void> {
    const current = this.requireMediator();
    await this.checkMediatorPin(current.id, pin);
  }

  async referentSignIn(pin: string): Promise<{ until: string }> {
    if (!this.isSetUp()) throw NOT_SET_UP;
    if (this.deps.sessions.current()) throw REFERENT_DURING_SESSION;
    await this.checkReferentPin(pin, () => this.deps.journal.append('referent.signed_in', {}, 'referent'));
    // A session may have started while the PIN was being checked.
    if (this.deps.sessions.current()) throw REFERENT_DURING_SESSION;
    this.keepReferentOpen();
    return { until: new Date(this.referentUntil).toISOString() };
  }

  /**
   * Checks the référent's PIN without opening the référent area, same lockout: to close a kiosk counter, and
   * for the export "avec les codes" (the PIN is asked again).
   */
  async confirmReferentPin(pin: string | undefined): Promise<void> {
    if (!this.isSetUp()) throw NOT_SET_UP;
    if (!pin) throw PIN_MISSING;
    await this.checkReferentPin(pin);
  }

  /** The référent left the area (its "Fermer" button, or the renderer navigating away from it). */
  referentSignOut(): void {
    this.closeReferent('left');
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
    // Closing is the safe direction: it happens even when the disk cannot take the journal line.
    this.journalQuietly(() => this.deps.journal.append('referent.signed_out', { reason: why }, 'referent'));
  }

  private journalQuietly(work: () => void): void {
    try {
      work();
    } catch {
      // full or read-only disk: the sign-out itself must not fail
    }
  }

  isReferent(): boolean {
    return this.referentUntil > this.now().getTime();
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
    await this.refuseTakenPin(pin);
    const hash = await hashPin(pin, this.pinCost);
    const id = this.write(() => {
      const added = this.deps.store.addMediator(name, hash, this.now());
      this.deps.journal.append('mediator.added', { mediator: added }, 'referent');
      return added;
    });
    return { id, pseudonym: name, active: true, lockedUntil: null };
  }

  setMediatorActive(id: number, active: boolean): void {
    this.existingMediator(id);
    this.write(() => {
      this.deps.store.setMediatorActive(id, active);
      this.deps.journal.append('mediator.changed', { mediator: id, active }, 'referent');
    });
  }

  async resetMediatorPin(id: number, pin: string): Promise<void> {
    this.existingMediator(id);
    checkMediatorPinFormat(pin);
    await this.refuseTakenPin(pin, { mediator: id });
    const hash = await hashPin(pin, this.pinCost);
    this.write(() => {
      this.deps.store.setMediatorPin(id, hash);
      this.deps.journal.append('mediator.changed', { mediator: id, pin: 'reset' }, 'referent');
    });
  }

  async changeReferentPin(pin: string): Promise<void> {
    checkReferentPinFormat(pin);
    await this.refuseTakenPin(pin, { referent: true });
    const hash = await hashPin(pin, this.pinCost);
    this.write(() => {
      this.deps.store.setReferentPin(hash, this.now());
      this.deps.journal.append('config.changed', { section: 'referent_pin' }, 'referent');
    });
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

  /**
   * Each account has its own PIN: a new PIN may not match the référent's nor another mediator's (a mediator's PIN
   * must never open the référent area, and a shared PIN would let one sign in as the other). The checks run in
   * parallel on the thread pool (about 250 ms each).
   */
  private async refuseTakenPin(pin: string, except: { mediator?: number; referent?: boolean } = {}): Promise<void> {
    const hashes: string[] = [];
    const referent = this.deps.store.referent();
    if (referent && !except.referent) hashes.push(referent.pinHash);
    for (const m of this.deps.store.mediators()) if (m.id !== except.mediator) hashes.push(m.pinHash);
    const matches = await Promise.all(hashes.map((hash) => verifyPin(pin, hash)));
    if (matches.some(Boolean)) throw PIN_TAKEN;
  }

  private checkReferentPin(pin: string, onSuccess: () => void = () => undefined): Promise<void> {
    return this.checkPin('referent', () => this.deps.store.referent(), pin, {
      save: (state) => this.deps.store.setReferentLock(state),
      rehash: (hash) => this.deps.store.setReferentPinHash(hash),
      onLock: (state) => this.deps.journal.append('referent.locked_out', { lockouts: state.lockouts }, 'referent'),
      onSuccess,
      who: 'le code du référent',
    });
  }

  private checkMediatorPin(id: number, pin: string, onSuccess: () => void = () => undefined): Promise<void> {
    return this.checkPin(`mediator:${id}`, () => this.deps.store.mediator(id), pin, {
      save: (state) => this.deps.store.setMediatorLock(id, state),
      rehash: (hash) => this.deps.store.setMediatorPinHash(id, hash),
      onLock: (state) =>
        this.deps.journal.append(
          'mediator.locked_out',
          { lockouts: state.lockouts },
          this.deps.store.mediator(id)?.pseudonym ?? null,
        ),
      onSuccess,
      who: 'ce compte',
    });
  }

  private checkPin(key: string, load: () => StoredPin | null, pin: string, on: PinCheckHooks): Promise<void> {
    const run = this.checks.then(() => this.checkPinNow(key, load, pin, on));
    this.checks = run.catch(() => undefined);
    return run;
  }

  /**
   * One PIN check. Fails closed: the wrong try is recorded before the answer, and when it cannot be (full or
   * read-only disk) the try is refused and still counted in memory, so the lock holds until the app restarts.
   * A right PIN writes its whole outcome (lock decay, rehash, journal line) in one transaction before the caller
   * changes anything; if that write fails, the sign-in is refused.
   */
  private async checkPinNow(key: string, load: () => StoredPin | null, pin: string, on: PinCheckHooks): Promise<void> {
    const row = load();
    if (!row) throw NO_MEDIATOR;
    const lock = this.unrecorded.get(key) ?? row;
    const wait = remainingLockMs(lock, this.now());
    if (wait > 0) throw lockedFault(on.who, wait);
    if (await verifyPin(pin, row.pinHash)) {
      const rehashed = needsRehash(row.pinHash, this.pinCost) ? await hashPin(pin, this.pinCost) : null;
      const next = afterRightPin(lock);
      this.write(() => {
        if (!sameLock(next, row)) on.save(next);
        if (rehashed) on.rehash(rehashed);
        on.onSuccess();
      });
      this.unrecorded.delete(key);
      return;
    }
    const next = afterWrongPin(lock, this.now());
    this.unrecorded.set(key, next.state);
    this.write(() => {
      on.save(next.state);
      if (next.locked) on.onLock(next.state);
    });
    this.unrecorded.delete(key);
    if (next.locked) throw lockedFault(on.who, remainingLockMs(next.state, this.now()));
    throw new CounterFault(
      'pin_wrong',
      `Code incorrect. Il reste ${next.triesLeft} essai${next.triesLeft > 1 ? 's' : ''} avant un blocage temporaire (${TRIES_BEFORE_LOCK} erreurs de suite bloquent ${on.who}).`,
    );
  }

  /** One transaction; a full or read-only disk becomes its French fault. */
  private write<T>(work: () => T): T {
    try {
      return this.deps.store.transaction(work);
    } catch (error) {
      throw asDiskFault(error);
    }
  }
}

type StoredPin = LockState & { pinHash: string };

interface PinCheckHooks {
  save(state: LockState): void;
  rehash(pinHash: string): void;
  onLock(state: LockState): void;
  onSuccess(): void;
  who: string;
}

function sameLock(a: LockState, b: LockState): boolean {
  return a.failedTries === b.failedTries && a.lockouts === b.lockouts && a.lockedUntil === b.lockedUntil;
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

export { checkMediatorPinFormat, checkReferentPinFormat } from './pin-policy';
