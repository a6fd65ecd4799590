import type { Clock } from '../../../shared/ports/clock.js';

/**
 * Real time, moved ahead by hand: the browser's timers and the server's tokens keep
 * working, and a test jumps over an hour of tracking without waiting for it.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
