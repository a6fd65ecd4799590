import type { Clock } from '../shared/ports/clock.js';

interface Sleeper {
  at: number;
  timer?: NodeJS.Timeout;
  wake(): void;
}

/**
 * Real time with the idle gaps left out. The clock runs with performance.now(), so every
 * busy millisecond counts as it would in production; but when every loop of the run is
 * asleep (the worker between polls, the users between actions), time jumps to the earliest
 * wake-up instead of waiting for it. A loop that overruns simply wakes late, as it would.
 */
export class SkipClock implements Clock {
  private offset: number;
  private awake: number;
  private readonly sleepers = new Set<Sleeper>();

  /** `loops`: how many loops share the clock; each must sleep only through `sleepUntil`. */
  constructor(start: Date, loops: number) {
    this.offset = start.getTime() - performance.now();
    this.awake = loops;
  }

  now(): Date {
    return new Date(Math.floor(this.ms()));
  }

  /** The current time in milliseconds, with the fraction. */
  ms(): number {
    return this.offset + performance.now();
  }

  /** Resolves at `at` (ms), or at once (after other callbacks had their turn) when that has passed. */
  sleepUntil(at: number): Promise<void> {
    if (this.ms() >= at) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        at,
        wake: () => {
          clearTimeout(sleeper.timer);
          this.sleepers.delete(sleeper);
          this.awake++;
          // A timer may fire a fraction early: never let a loop wake before its time.
          this.offset += Math.max(0, at - this.ms());
          resolve();
        },
      };
      sleeper.timer = setTimeout(sleeper.wake, Math.max(0, at - this.ms()));
      this.sleepers.add(sleeper);
      this.awake--;
      if (this.awake === 0) this.skip();
    });
  }

  /** A loop that is done: it no longer keeps time from skipping. */
  retire() {
    this.awake--;
    if (this.awake === 0) this.skip();
  }

  /** Nobody is busy: jump to the earliest wake-up. */
  private skip() {
    let first: Sleeper | undefined;
    for (const sleeper of this.sleepers) if (!first || sleeper.at < first.at) first = sleeper;
    first?.wake();
  }
}
