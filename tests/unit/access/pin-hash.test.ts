import { describe, expect, it } from 'vitest';
import {
  decodePinHash,
  hashPin,
  hashPinSync,
  isPinHash,
  LEGACY_PIN_COST,
  needsRehash,
  PIN_COST,
  verifyPin,
} from '../../../main/access/pin-hash';

describe('PIN hashing', () => {
  it('stores a scrypt hash at the production cost with its own salt, never the PIN', async () => {
    const stored = await hashPin('24681357');
    expect(stored).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(PIN_COST.N).toBe(65536);
    expect(stored).not.toContain('24681357');
    expect(decodePinHash(stored)?.salt.length).toBe(16);
    expect(decodePinHash(stored)?.key.length).toBe(32);
    expect(needsRehash(stored)).toBe(false);
  });

  it('gives two different hashes for the same PIN (per-PIN salt)', async () => {
    const [a, b] = await Promise.all([hashPin('482915', LEGACY_PIN_COST), hashPin('482915', LEGACY_PIN_COST)]);
    expect(a).not.toBe(b);
    expect(await verifyPin('482915', a)).toBe(true);
    expect(await verifyPin('482915', b)).toBe(true);
  });

  it('accepts the right PIN and refuses a wrong one', async () => {
    const stored = hashPinSync('975310', LEGACY_PIN_COST);
    expect(await verifyPin('975310', stored)).toBe(true);
    expect(await verifyPin('975311', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('still verifies a hash of the previous cost, and says it needs a rehash', async () => {
    const old = hashPinSync('975310', LEGACY_PIN_COST);
    expect(old).toMatch(/^scrypt\$16384\$/);
    expect(await verifyPin('975310', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, LEGACY_PIN_COST)).toBe(false);
  });

  it('never matches, nor accepts, a malformed, tampered or unknown-cost hash', async () => {
    const stored = hashPinSync('482915', LEGACY_PIN_COST);
    expect(await verifyPin('482915', 'plain:1234')).toBe(false);
    expect(await verifyPin('482915', stored.replace('$16384$', '$1000$'))).toBe(false);
    const [, , , , salt, key] = stored.split('$');
    for (const bad of [
      'scrypt$16384$8$1$AAAA$BBBB', // short salt and key
      `scrypt$1048576$8$1$${salt}$${key}`, // N = 2^20: not a cost this app writes
      `scrypt$16384$32$16$${salt}$${key}`, // r and p out of the known format
      `scrypt$1024$8$1$${salt}$${key}`, // cheaper than any cost this app ever wrote
      `scrypt$16384$8$1$${salt}$${key}!`, // not base64
      `scrypt$16384.0$8$1$${salt}$${key}`,
    ]) {
      expect(isPinHash(bad), bad).toBe(false);
      expect(await verifyPin('482915', bad)).toBe(false);
    }
    expect(isPinHash(stored)).toBe(true);
  });
});
