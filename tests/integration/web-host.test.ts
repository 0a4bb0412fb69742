import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../main/web-host';
import { ContractSocket } from '../helpers/contract-socket';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ dataDir: tempDir(), rendererDir });
  return host;
}

describe('web host', () => {
  it('serves the renderer with its CSP on 127.0.0.1', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('runs the contract over its WebSocket for its own origin', async () => {
    const { url } = await start();
    const socket = await ContractSocket.open(url);
    expect(await socket.call('app.info')).toMatchObject({
      ok: true,
      value: { stationName: 'Point numérique', transport: 'web' },
    });
    socket.close();
  });

  it('refuses a WebSocket from another origin', async () => {
    const { url } = await start();
    await expect(ContractSocket.open(url, 'https://evil.example')).rejects.toThrow(/403|401|Unexpected/);
  });

  it('refuses a request whose Host header is not its own (DNS rebinding)', async () => {
    const { url } = await start();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(url);
      http.get({ host: u.hostname, port: u.port, path: '/', headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(403);
  });
});
