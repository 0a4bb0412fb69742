import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are stored as scrypt hashes with a salt of their own: `scrypt$N$r$p$salt$hash` (base64). The parameters
 * travel with the hash so they can be raised later without breaking stored PINs: a hash below the current cost
 * still verifies and is rehashed after a right PIN (main/access/service.ts). A PIN itself is never stored, logged
 * nor journaled.
 */
export interface PinCost {
  N: number;
  r: number;
  p: number;
}

/**
 * About 250 ms per check on the reference station (2 cores; figure in `npm run bench`, tests/bench/pin.bench.ts),
 * 64 MiB of memory per check: a 6-digit PIN then costs days of one core to find offline, instead of minutes.
 */
export const PIN_COST: PinCost = { N: 2 ** 16, r: 8, p: 1 };
/** The cost of hashes written before this version; they verify, and are replaced at the next right PIN. */
export const LEGACY_PIN_COST: PinCost = { N: 2 ** 14, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** The known costs: a hash outside them (a file carrying N = 2^20, r = 32 …) is refused, never tried. */
const MIN_N = LEGACY_PIN_COST.N;
const MAX_N = 2 ** 17;
const MAXMEM = 256 * 1024 * 1024;

export const MEDIATOR_PIN = /^\d{6,12}$/;
export const REFERENT_PIN = /^\d{8,12}$/;

function scryptAsync(pin: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function encode(cost: PinCost, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function hashPin(pin: string, cost: PinCost = PIN_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(cost, salt, await scryptAsync(pin, salt, KEY_BYTES, { ...cost, maxmem: MAXMEM }));
}

/** The same, blocking: for seeding test stations and the command line only. */
export function hashPinSync(pin: string, cost: PinCost = PIN_COST): string {
  const salt = randomBytes(SALT_BYTES);
  return encode(cost, salt, scryptSync(pin, salt, KEY_BYTES, { ...cost, maxmem: MAXMEM }));
}

interface Decoded extends PinCost {
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Only the format this app writes: r = 8, p = 1, a known N, a 16-byte salt and a 32-byte key. */
export function decodePinHash(stored: string): Decoded | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  if (!parts.slice(1, 4).every((part) => /^\d{1,7}$/.test(part))) return null;
  if (!BASE64.test(parts[4]!) || !BASE64.test(parts[5]!)) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  const powerOfTwo = (N & (N - 1)) === 0;
  if (!powerOfTwo || N < MIN_N || N > MAX_N || r !== 8 || p !== 1) return null;
  if (salt.length !== SALT_BYTES || key.length !== KEY_BYTES) return null;
  return { N, r, p, salt, key };
}

export function isPinHash(value: string): boolean {
  return decodePinHash(value) !== null;
}

/** True when a stored hash is cheaper than the station's cost: rehash it after the next right PIN. */
export function needsRehash(stored: string, cost: PinCost = PIN_COST): boolean {
  const decoded = decodePinHash(stored);
  return !!decoded && decoded.N < cost.N;
}

/** Compares in constant time. A malformed stored hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const decoded = decodePinHash(stored);
  if (!decoded) return false;
  const { N, r, p, salt, key } = decoded;
  const candidate = await scryptAsync(pin, salt, key.length, { N, r, p, maxmem: MAXMEM });
  return timingSafeEqual(candidate, key);
}
