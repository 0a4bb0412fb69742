import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are stored as scrypt hashes with a salt of their own: `scrypt$N$r$p$salt$hash` (base64). The parameters
 * travel with the hash so they can be raised later without breaking stored PINs. A PIN itself is never stored,
 * logged nor journaled.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAXMEM = 64 * 1024 * 1024;

export const MEDIATOR_PIN = /^\d{4,12}$/;
export const REFERENT_PIN = /^\d{6,12}$/;

function scryptAsync(pin: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function encode(salt: Buffer, key: Buffer): string {
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(salt, await scryptAsync(pin, salt, KEY_BYTES, { ...PARAMS, maxmem: MAXMEM }));
}

/** The same, blocking: for seeding test stations and the command line only. */
export function hashPinSync(pin: string): string {
  const salt = randomBytes(SALT_BYTES);
  return encode(salt, scryptSync(pin, salt, KEY_BYTES, { ...PARAMS, maxmem: MAXMEM }));
}

interface Decoded {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export function decodePinHash(stored: string): Decoded | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

export function isPinHash(value: string): boolean {
  return decodePinHash(value) !== null;
}

/** Compares in constant time. A malformed stored hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const decoded = decodePinHash(stored);
  if (!decoded) return false;
  const { N, r, p, salt, key } = decoded;
  const candidate = await scryptAsync(pin, salt, key.length, { N, r, p, maxmem: MAXMEM });
  return timingSafeEqual(candidate, key);
}
