import type { z } from 'zod';
import { events, type EventName, type EventPayload } from '../preload/api';

export type EventSink = (name: EventName, payload: unknown) => void;

/**
 * Pushes events from services to whichever transport is attached (Electron window or web host sockets).
 * Payloads are validated against the contract so a service cannot leak a field the renderer was not promised.
 */
export class EventBus {
  private sinks = new Set<EventSink>();

  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const schema = (events as Record<string, z.ZodType>)[name]!;
    const parsed = schema.parse(payload);
    for (const sink of this.sinks) sink(name, parsed);
  }
}
