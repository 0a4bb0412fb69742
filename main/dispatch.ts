import { contract, isChannel, type Channel, type Output, type ParsedInput, type Result } from '../preload/api';
import type { AccessGate } from './access/gate';
import { BAD_REQUEST, CounterFault, diskFault, UNEXPECTED } from './errors';
import type { Logger } from './log';

/** What a handler may need to know of the call besides its argument. */
export interface CallContext {
  transport: 'electron' | 'web';
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  context: CallContext,
) => Output<C> | Promise<Output<C>>;

/** One handler per channel: the type makes a missing handler a compile error. */
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown, context: CallContext) => Promise<Result<unknown>>;

/**
 * Transport-independent core of main/ipc.ts and main/web-host.ts: validates the channel, checks the channel's
 * access level with the gate (main/access: who is signed in, is an accompaniment running), validates the payload
 * with the contract's schemas, runs the handler, validates the reply (which also strips any field the contract
 * does not name) and turns every failure into the contract's error value. Never lets a stack trace cross.
 */
export function createDispatch(handlers: Handlers, log: Logger, gate: AccessGate): Dispatch {
  return async (channel, input, context) => {
    if (!isChannel(channel)) {
      log.warn('ipc.unknown_channel');
      return { ok: false, error: BAD_REQUEST };
    }
    const spec = contract[channel];
    try {
      gate.admit(spec.access);
    } catch (error) {
      if (!(error instanceof CounterFault)) throw error;
      log.warn('ipc.refused', { channel, code: error.code });
      return { ok: false, error: error.toValue() };
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      log.warn('ipc.bad_payload', { channel });
      return { ok: false, error: BAD_REQUEST };
    }
    try {
      const handler = handlers[channel] as (input: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      const reply = spec.output.safeParse(value);
      if (!reply.success) {
        log.error('ipc.bad_reply', { channel });
        return { ok: false, error: UNEXPECTED };
      }
      return { ok: true, value: reply.data };
    } catch (error) {
      if (error instanceof CounterFault) {
        log.warn('ipc.fault', { channel, code: error.code });
        return { ok: false, error: error.toValue() };
      }
      // A full or read-only disk is named as such, never "erreur inattendue".
      const disk = diskFault(error);
      if (disk) {
        log.error('ipc.disk', { channel, code: disk.code });
        return { ok: false, error: disk.toValue() };
      }
      log.error('ipc.crash', { channel, kind: error instanceof Error ? error.name : typeof error });
      if (process.env.POINT_NUMERIQUE_LOG_STDERR === '1') console.error(error);
      return { ok: false, error: UNEXPECTED };
    }
  };
}
