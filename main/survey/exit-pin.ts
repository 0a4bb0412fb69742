import { formatWait } from '../access/lockout';
import { verifyPin } from '../access/pin-hash';
import { CounterFault } from '../errors';

/** Wrong PINs in a row before the survey's exit waits. */
export const EXIT_TRIES = 3;
const FIRST_WAIT_MS = 60_000;
const MAX_WAIT_MS = 15 * 60_000;

export function callMediator(waitMs: number): CounterFault {
  return new CounterFault(
    'survey_exit_wait',
    `Appelez le médiateur. Le code a été faux ${EXIT_TRIES} fois. Le médiateur pourra saisir son code dans ${formatWait(waitMs)}.`,
  );
}

/**
 * The survey's "Réservé au médiateur": the session mediator's PIN, with a throttle of its own. It is the usager who
 * holds the screen here, so wrong tries must never lock the mediator's account (main/access counts only sign-in
 * tries): after 3 wrong tries the exit waits 1 minute, then 2, 4 … at most 15, and says to call the mediator.
 * During a wait no PIN is even checked, so guessing stays slow. One per session, in memory.
 */
export class ExitGuard {
  private wrong = 0;
  private waits = 0;
  private until = 0;
  private checks: Promise<unknown> = Promise.resolve();

  constructor(private readonly now: () => number) {}

  /** Resolves when `pin` matches `pinHash`; throws the French fault otherwise. One check at a time. */
  check(pin: string, pinHash: string): Promise<void> {
    const run = this.checks.then(() => this.checkNow(pin, pinHash));
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async checkNow(pin: string, pinHash: string): Promise<void> {
    const wait = this.until - this.now();
    if (wait > 0) throw callMediator(wait);
    if (await verifyPin(pin, pinHash)) {
      this.wrong = 0;
      this.waits = 0;
      return;
    }
    this.wrong++;
    if (this.wrong < EXIT_TRIES) {
      const left = EXIT_TRIES - this.wrong;
      throw new CounterFault(
        'pin_wrong',
        `Ce code n'est pas le bon. Il reste ${left} essai${left > 1 ? 's' : ''}. Ensuite, il faudra appeler le médiateur.`,
      );
    }
    this.wrong = 0;
    this.waits++;
    const ms = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (this.waits - 1));
    this.until = this.now() + ms;
    throw callMediator(ms);
  }
}
