/**
 * The renderer's only door to the station: window.pointNumerique in the desktop app (preload/index.ts), or the
 * same contract over the web host's WebSocket in a browser (preload/web.ts).
 */
import { API_GLOBAL, type Api, type CounterError, type Result } from '../../preload/api';
import { connectWebApi } from '../../preload/web';

export type { Api, CounterError, Result };

let current: Api | undefined;

export async function connectApi(): Promise<Api> {
  const exposed = (window as unknown as Record<string, Api | undefined>)[API_GLOBAL];
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  current = exposed ?? (await connectWebApi(`${protocol}//${location.host}/ws`));
  return current;
}

export function api(): Api {
  if (!current) throw new Error('api not connected');
  return current;
}

/** Unwraps a reply: returns the value, or throws the counter error so a screen can show its message. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export class CallError extends Error {
  constructor(readonly error: CounterError) {
    super(error.message);
  }
}
