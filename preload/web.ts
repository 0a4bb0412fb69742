/**
 * Browser transport: the same contract over the web host's WebSocket, so the renderer runs in a plain browser
 * against the real services (end-to-end tests, demos).
 */
import { buildApi, type Api, type Channel, type EventName, type Result } from './api';

export type WireRequest = { t: 'call'; id: number; channel: string; input: unknown };
export type WireMessage =
  { t: 'reply'; id: number; result: Result<unknown> } | { t: 'event'; name: string; payload: unknown };

const DISCONNECTED: Result<never> = {
  ok: false,
  error: {
    code: 'disconnected',
    message: 'La connexion avec le poste est coupée. Rechargez la page pour continuer.',
  },
};

export function connectWebApi(url: string): Promise<Api> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const pending = new Map<number, (result: Result<unknown>) => void>();
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    let nextId = 1;

    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as WireMessage;
      if (message.t === 'reply') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.t === 'event') {
        listeners.get(message.name)?.forEach((listener) => listener(message.payload));
      }
    });
    socket.addEventListener('close', () => {
      pending.forEach((settle) => settle(DISCONNECTED));
      pending.clear();
    });
    socket.addEventListener('error', () => reject(new Error('web host unreachable')));
    socket.addEventListener('open', () => {
      const invoke = (channel: Channel, input: unknown) =>
        new Promise<Result<unknown>>((settle) => {
          if (socket.readyState !== WebSocket.OPEN) return settle(DISCONNECTED);
          const id = nextId++;
          pending.set(id, settle);
          const request: WireRequest = { t: 'call', id, channel, input };
          socket.send(JSON.stringify(request));
        });
      const subscribe = (name: EventName, listener: (payload: unknown) => void) => {
        let set = listeners.get(name);
        if (!set) listeners.set(name, (set = new Set()));
        set.add(listener);
        return () => {
          set.delete(listener);
        };
      };
      resolve(buildApi(invoke, subscribe));
    });
  });
}
