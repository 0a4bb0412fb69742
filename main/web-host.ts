/**
 * The station's services and the same contract behind a WebSocket on 127.0.0.1, with the built renderer, so the
 * renderer runs in a plain browser against the real services (end-to-end tests, demos). `npm run web`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireMessage, WireRequest } from '../preload/web';
import { dataDirFrom } from './data-dir';
import { createFileLogger } from './log';
import { contentSecurityPolicy } from './security/csp';
import { contentType, resolveStaticPath } from './security/static-files';
import { startStation, type Station } from './startup';
import { newTabSite } from './site/new-tab-site';

export interface WebHostOptions {
  dataDir: string;
  rendererDir?: string;
  port?: number;
}

export interface WebHost {
  url: string;
  station: Station;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? resolve(__dirname, '..', 'out', 'renderer');
  const log = createFileLogger(options.dataDir);
  const station = startStation(
    options.dataDir,
    { transport: 'web', appVersion: readVersion(), site: newTabSite() },
    log,
  );
  let origin = '';

  const server: Server = createServer(async (request, response) => {
    if (!isOwnHost(request, origin)) {
      response.writeHead(403).end();
      return;
    }
    const file = resolveStaticPath(rendererDir, new URL(request.url ?? '/', origin).pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': contentType(file),
        'content-security-policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    // Refuses any page that is not our own: another site open in the same browser must not drive the station.
    verifyClient: ({ req }: { req: IncomingMessage }) => req.headers.origin === origin && isOwnHost(req, origin),
  });
  const send = (socket: WebSocket, message: WireMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', async (data) => {
      let request: WireRequest;
      try {
        request = JSON.parse(String(data)) as WireRequest;
      } catch {
        return;
      }
      if (request?.t !== 'call' || typeof request.id !== 'number') return;
      const result = await station.dispatch(request.channel, request.input, { transport: 'web' });
      send(socket, { t: 'reply', id: request.id, result });
    });
  });
  const detach = station.services?.bus.attach((name, payload) => {
    for (const socket of sockets) send(socket, { t: 'event', name, payload });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    station,
    async close() {
      // Like the desktop app's quit: a running session is wiped before the services stop.
      await station.services?.sessions.end('quit');
      detach?.();
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await new Promise<void>((done) => server.close(() => done()));
      station.close();
    },
  };
}

function isOwnHost(request: IncomingMessage, origin: string): boolean {
  // Guards against DNS rebinding: the Host header must be our loopback address and port.
  return `http://${request.headers.host ?? ''}` === origin;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const dataDir = argValue('--data-dir') ?? dataDirFrom(process.env, resolve('.data', 'web'));
  const port = Number(argValue('--port') ?? process.env.PORT ?? 0);
  void startWebHost({ dataDir, port }).then((host) => {
    process.stdout.write(`Point numérique (navigateur) : ${host.url}\n`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // The web host's stand-in for a kiosk window's close button (desktop: main/app/electron-station-lock.ts), so
    // the close dialog can be seen and checked in a browser. Closing itself stays the desktop's (app.confirmClose).
    process.on('SIGUSR2', () => host.station.services?.bus.emit('app.closeRequested', {}));
  });
}
