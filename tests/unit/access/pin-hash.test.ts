import { describe, expect, it } from 'vitest';
import { decodePinHash, hashPin, hashPinSync, isPinHash, verifyPin } from '../../../main/access/pin-hash';

describe('PIN hashing', () => {
  it('stores a scrypt hash with its own salt, never the PIN', async () => {
    const stored = await hashPin('246810');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('246810');
    expect(decodePinHash(stored)?.salt.length).toBe(16);
    expect(decodePinHash(stored)?.key.length).toBe(32);
  });

  it('gives two different hashes for the same PIN (per-PIN salt)', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a).not.toBe(b);
    expect(await verifyPin('1234', a)).toBe(true);
    expect(await verifyPin('1234', b)).toBe(true);
  });

  it('accepts the right PIN and refuses a wrong one', async () => {
    const stored = hashPinSync('975310');
    expect(await verifyPin('975310', stored)).toBe(true);
    expect(await verifyPin('975311', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('never matches a malformed or tampered hash', async () => {
    const stored = hashPinSync('1234');
    expect(await verifyPin('1234', 'plain:1234')).toBe(false);
    expect(await verifyPin('1234', stored.replace('$16384$', '$1000$'))).toBe(false);
    expect(isPinHash('scrypt$16384$8$1$AAAA$BBBB')).toBe(false);
    expect(isPinHash(stored)).toBe(true);
  });
});
