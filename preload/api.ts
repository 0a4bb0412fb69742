/**
 * THE contract between the renderer and the main process. Every call is one channel "namespace.method" with a
 * zod schema for its argument and one for its reply; main/ipc.ts and main/web-host.ts validate against these.
 * Each capability keeps its slice in preload/contract/<capability>.ts; this file assembles them.
 */
import type { z } from 'zod';
import { appContract, appEvents } from './contract/app';
import type { ChannelSpec, Result } from './contract/common';
import { configContract, configEvents } from './contract/config';
import { accessContract, accessEvents } from './contract/access';
import { journalContract, journalEvents } from './contract/journal';
import { sessionContract, sessionEvents } from './contract/session';
import { surveyContract, surveyEvents } from './contract/survey';
import { flowContract, flowEvents } from './contract/flow';
import { siteContract, siteEvents } from './contract/site';
import { scanContract, scanEvents } from './contract/scan';
import { printContract, printEvents } from './contract/print';
import { scannerContract, scannerEvents } from './contract/scanner';

export * from './contract/common';
export * from './contract/access-levels';
export * from './contract/app';
export * from './contract/config';
export * from './contract/access';
export * from './contract/journal';
export * from './contract/session';
export * from './contract/survey';
export * from './contract/flow';
export * from './contract/site';
export * from './contract/scan';
export * from './contract/print';
export * from './contract/scanner';

export const contract = {
  ...appContract,
  ...configContract,
  ...accessContract,
  ...journalContract,
  ...sessionContract,
  ...surveyContract,
  ...flowContract,
  ...siteContract,
  ...scanContract,
  ...printContract,
  ...scannerContract,
} as const satisfies Record<string, ChannelSpec>;

/** Events pushed from the main process to the renderer: name → payload schema. */
export const events = {
  ...appEvents,
  ...configEvents,
  ...accessEvents,
  ...journalEvents,
  ...sessionEvents,
  ...surveyEvents,
  ...flowEvents,
  ...siteEvents,
  ...scanEvents,
  ...printEvents,
  ...scannerEvents,
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof contract;
export type EventName = keyof typeof events;
export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
/** The argument as main/ sees it once parsed (defaults applied). */
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type NamespaceOf<C> = C extends `${infer N}.${string}` ? N : never;
type MethodOf<C> = C extends `${string}.${infer M}` ? M : never;
type Call<C extends Channel> =
  undefined extends Input<C>
    ? (input?: Input<C>) => Promise<Result<Output<C>>>
    : (input: Input<C>) => Promise<Result<Output<C>>>;

export type Api = {
  [N in NamespaceOf<Channel>]: {
    [C in Channel as NamespaceOf<C> extends N ? MethodOf<C> : never]: Call<C>;
  };
} & {
  events: {
    /** Subscribes to an event from the main process; returns the function that unsubscribes. */
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  };
};

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** Builds the namespaced object the renderer sees (window.pointNumerique) from a transport. */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const [namespace, method] = channel.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = (input?: unknown) => invoke(channel, input);
  }
  api.events = { on: (name: EventName, listener: (payload: unknown) => void) => subscribe(name, listener) };
  return api as unknown as Api;
}

/** Name of the window global the preload exposes. */
export const API_GLOBAL = 'pointNumerique';
export const EVENT_CHANNEL = 'pn:event';
