import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CounterFault } from '../errors';
import { PrintFault, printFault, stopFault, type StopReason } from './faults';
import type { ThermalTransport } from './thermal-printer';

/** The printer's state as last measured (by a check or by a job), with when: the screen says how old it is. */
export interface Measurement {
  connected: boolean;
  problem: { code: string; message: string } | null;
  at: Date;
}

export interface JobOutcome {
  ms: number;
  bytes: number;
}

interface Running {
  id: string;
  sessionId: string;
  controller: AbortController;
  promise: Promise<JobOutcome>;
}

/**
 * The thermal jobs: one at a time, each with a deadline, stoppable for good (the mediator's "Annuler", the end of
 * the session); after a job that may have printed without confirming it, the session is held until the mediator
 * says whether the receipt came out, so nothing is sent twice by accident. Also keeps the last measured state.
 */
export class ThermalJobs {
  private running: Running | null = null;
  /** Sessions waiting for the mediator's "Le reçu est-il sorti ?" answer, with the fault that caused it. */
  private readonly held = new Map<string, string>();
  private measured: Measurement | null = null;

  constructor(private readonly now: () => Date) {}

  runningFor(sessionId: string): string | null {
    return this.running?.sessionId === sessionId ? this.running.id : null;
  }

  busy(): boolean {
    return this.running !== null;
  }

  heldFor(sessionId: string): boolean {
    return this.held.has(sessionId);
  }

  release(sessionId: string): boolean {
    return this.held.delete(sessionId);
  }

  last(): Measurement | null {
    return this.measured;
  }

  /** Runs one job: `deadlineMs` bounds it whole; the transport is told to stop (and closes its handle) on abort. */
  run(
    sessionId: string,
    transport: ThermalTransport,
    build: () => Promise<Buffer>,
    deadlineMs: number,
  ): { id: string; promise: Promise<JobOutcome> } {
    if (this.held.has(sessionId)) throw printFault('printer_check_receipt');
    const id = randomUUID();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('deadline' satisfies StopReason), deadlineMs);
    const started = performance.now();
    const promise = (async (): Promise<JobOutcome> => {
      try {
        const job = await build();
        // Built while the session may have ended or the mediator cancelled: nothing leaves then.
        if (controller.signal.aborted) throw stopFault(controller.signal.reason, 'none');
        await transport.send(job, controller.signal);
        this.measure(null);
        return { ms: Math.round(performance.now() - started), bytes: job.length };
      } catch (error) {
        const fault = error instanceof PrintFault ? error : null;
        if (fault && fault.sent !== 'none' && fault.printCode !== 'printer_session_ended') {
          this.held.set(sessionId, fault.printCode);
        }
        if (error instanceof CounterFault && !['printer_cancelled', 'printer_session_ended'].includes(error.code)) {
          this.measure(error);
        }
        throw error;
      } finally {
        clearTimeout(timer);
        if (this.running?.id === id) this.running = null;
      }
    })();
    this.running = { id, sessionId, controller, promise };
    return { id, promise };
  }

  /** Stops the session's job for good; resolves once its handle is closed. */
  async stop(sessionId: string, reason: StopReason): Promise<boolean> {
    const running = this.running;
    if (!running || running.sessionId !== sessionId) return false;
    running.controller.abort(reason);
    await running.promise.catch(() => undefined);
    return true;
  }

  /** Forgets everything about a session that ended (its job is stopped first). */
  forget(sessionId: string): void {
    if (this.running?.sessionId === sessionId) this.running.controller.abort('session_ended' satisfies StopReason);
    this.held.delete(sessionId);
  }

  measure(error: CounterFault | null): Measurement {
    this.measured = {
      connected: error === null,
      problem: error ? error.toValue() : null,
      at: this.now(),
    };
    return this.measured;
  }
}
