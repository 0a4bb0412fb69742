import { describe, expect, it } from 'vitest';
import { IdleTimer } from '../../../main/session/idle-timer';
import { FakeClock } from '../../helpers/fake-clock';

function setup() {
  const clock = new FakeClock();
  const events: string[] = [];
  const timer = new IdleTimer({
    clock,
    idleMs: 10 * 60_000,
    warningMs: 60_000,
    onWarning: (secondsLeft) => events.push(`warning:${secondsLeft}`),
    onWarningDismissed: () => events.push('dismissed'),
    onExpired: () => events.push('expired'),
  });
  return { clock, events, timer };
}

describe('idle timeout', () => {
  it('warns 60 seconds before the end, after 9 quiet minutes', () => {
    const { clock, events, timer } = setup();
    clock.advance(9 * 60_000 - 1);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['warning:60']);
    clock.advance(15_000);
    expect(timer.secondsLeft()).toBe(45);
  });

  it('ends the session when nobody answers the warning', () => {
    const { clock, events } = setup();
    clock.advance(10 * 60_000);
    expect(events).toEqual(['warning:60', 'expired']);
  });

  it('starts counting again after activity', () => {
    const { clock, events, timer } = setup();
    clock.advance(8 * 60_000);
    timer.touch();
    clock.advance(8 * 60_000);
    expect(events).toEqual([]);
    clock.advance(60_000);
    expect(events).toEqual(['warning:60']);
  });

  it('"L\'usager est toujours là" withdraws the warning and gives the full time again', () => {
    const { clock, events, timer } = setup();
    clock.advance(9 * 60_000 + 50_000);
    timer.extend();
    expect(events).toEqual(['warning:60', 'dismissed']);
    expect(timer.secondsLeft()).toBeNull();
    clock.advance(9 * 60_000 - 1);
    expect(events).toHaveLength(2);
    clock.advance(60_001);
    expect(events).toEqual(['warning:60', 'dismissed', 'warning:60', 'expired']);
  });

  it('does nothing more once stopped', () => {
    const { clock, events, timer } = setup();
    timer.stop();
    timer.touch();
    clock.advance(60 * 60_000);
    expect(events).toEqual([]);
    expect(clock.pending).toBe(0);
  });
});
