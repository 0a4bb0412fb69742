import type { Clock, TimerHandle } from '../../main/session/clock';

/** A clock that only moves when the test says so (`advance`), firing the timers that fall due on the way. */
export class FakeClock implements Clock {
  private timers: Array<{ at: number; callback: () => void; handle: TimerHandle }> = [];

  constructor(private time = Date.parse('2026-03-02T09:00:00Z')) {}

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): TimerHandle {
    const handle = { id: Symbol('timer') };
    this.timers.push({ at: this.time + ms, callback, handle });
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.callback();
    }
    this.time = until;
  }
}
