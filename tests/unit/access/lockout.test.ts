import { describe, expect, it } from 'vitest';
import { afterWrongPin, formatWait, lockDurationMs, remainingLockMs, UNLOCKED } from '../../../main/access/lockout';

const t0 = new Date('2026-11-23T09:00:00Z');

describe('lockout after wrong PINs', () => {
  it('locks for one minute on the fifth wrong try in a row', () => {
    let state = UNLOCKED;
    for (let i = 1; i <= 4; i++) {
      const step = afterWrongPin(state, t0);
      expect(step.locked).toBe(false);
      expect(step.triesLeft).toBe(5 - i);
      state = step.state;
    }
    const fifth = afterWrongPin(state, t0);
    expect(fifth.locked).toBe(true);
    expect(remainingLockMs(fifth.state, t0)).toBe(60_000);
    expect(remainingLockMs(fifth.state, new Date(t0.getTime() + 59_000))).toBe(1_000);
    expect(remainingLockMs(fifth.state, new Date(t0.getTime() + 60_000))).toBe(0);
  });

  it('doubles the wait at each new lock, up to one hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(lockDurationMs)).toEqual([
      60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('says how long to wait in French', () => {
    expect(formatWait(60_000)).toBe('1 min');
    expect(formatWait(90_500)).toBe('1 min 31 s');
    expect(formatWait(4_000)).toBe('4 s');
    expect(formatWait(3_600_000)).toBe('1 h');
  });
});
