import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';

/**
 * One HTTP(S) exchange with a scanner, with the limits a counter needs: a deadline for the whole reply, a cap on
 * its size, and, over HTTPS, the certificate pinned by its SHA-256 fingerprint. Scanners ship self-signed
 * certificates, so the CA chain cannot vouch for them: the first time, the référent compares the fingerprint with
 * the one on the device and accepts it; from then on only that certificate is accepted, whatever CA signed it.
 */
export type EsclFailure =
  | { kind: 'unreachable' }
  | { kind: 'timeout' }
  | { kind: 'dropped' }
  | { kind: 'too_large' }
  | { kind: 'untrusted_certificate'; fingerprint: string }
  | { kind: 'certificate_changed'; fingerprint: string };

export class EsclHttpError extends Error {
  constructor(readonly failure: EsclFailure) {
    super(`escl: ${failure.kind}`);
    this.name = 'EsclHttpError';
  }
}

export interface EsclReply {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface EsclRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: string;
  /** Milliseconds for the whole exchange (connect, headers, body). */
  timeoutMs: number;
  maxBytes: number;
  /** Accepted certificate fingerprint (sha256, "AA:BB:…"), or null: then only a CA-trusted certificate passes. */
  fingerprint: string | null;
  signal?: AbortSignal;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export function esclRequest(options: EsclRequest): Promise<EsclReply> {
  const url = new URL(options.url);
  const tls = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise<EsclReply>((resolve, reject) => {
    let settled = false;
    const fail = (failure: EsclFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      reject(new EsclHttpError(failure));
    };
    const headers: Record<string, string> = { accept: '*/*', connection: 'close' };
    if (options.body !== undefined) {
      headers['content-type'] = 'text/xml';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const common = { method: options.method, headers, agent: false as const };
    const req = tls
      ? httpsRequest(url, {
          ...common,
          // The pin is checked below on the certificate itself: chain validation cannot apply to self-signed devices.
          rejectUnauthorized: false,
          servername: isIP(host) ? undefined : host,
        })
      : httpRequest(url, common);
    const timer = setTimeout(() => fail({ kind: 'timeout' }), options.timeoutMs);
    const onAbort = () => fail({ kind: 'dropped' });
    options.signal?.addEventListener('abort', onAbort, { once: true });

    if (tls) {
      req.on('socket', (socket) => {
        (socket as TLSSocket).once('secureConnect', () => {
          const tlsSocket = socket as TLSSocket;
          const fingerprint = tlsSocket.getPeerCertificate()?.fingerprint256 ?? '';
          if (options.fingerprint) {
            if (fingerprint !== options.fingerprint) fail({ kind: 'certificate_changed', fingerprint });
          } else if (!tlsSocket.authorized) {
            fail({ kind: 'untrusted_certificate', fingerprint });
          }
        });
      });
    }
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      if (error.code && UNREACHABLE.has(error.code)) fail({ kind: 'unreachable' });
      else fail({ kind: 'dropped' });
    });
    req.on('response', (response) => {
      if (settled) return response.destroy();
      const declared = Number(response.headers['content-length'] ?? '0');
      if (declared > options.maxBytes) return fail({ kind: 'too_large' });
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail({ kind: 'too_large' });
        chunks.push(chunk);
      });
      response.on('aborted', () => fail({ kind: 'dropped' }));
      response.on('error', () => fail({ kind: 'dropped' }));
      response.on('end', () => {
        if (settled) return;
        if (!response.complete) return fail({ kind: 'dropped' });
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    req.end(options.body);
  });
}
