import type { Clock } from '../../shared/ports/clock.js';

/** A clock that tests move by hand, so that nothing waits on real time. */
export class MutableClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2025-01-06T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): void {
    this.current = new Date(date).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
