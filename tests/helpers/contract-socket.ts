/**
 * The one WebSocket client of the tests for the web host's contract (main/web-host.ts): what a second screen or a
 * script on the counter's network could send. Speaks the same frames as preload/web.ts.
 */
import WebSocket from 'ws';
import type { Result } from '../../preload/api';

export class ContractSocket {
  private nextId = 0;

  private constructor(private readonly socket: WebSocket) {}

  /** Opens `ws://…/ws` of a host URL (`http://127.0.0.1:…/`) with the given Origin header (the host's own by default). */
  static open(hostUrl: string, origin = hostUrl.replace(/\/$/, '')): Promise<ContractSocket> {
    const socket = new WebSocket(`${hostUrl.replace(/\/$/, '').replace('http', 'ws')}/ws`, { origin });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ContractSocket(socket)));
      socket.once('error', reject);
    });
  }

  call(channel: string, input?: unknown): Promise<Result<unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { t: string; id: number; result: Result<unknown> };
        if (message.t !== 'reply' || message.id !== id) return;
        this.socket.off('message', onMessage);
        resolve(message.result);
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ t: 'call', id, channel, input }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
