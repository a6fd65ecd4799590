import type { Clock } from '../shared/ports/clock.js';

/**
 * A fake clock that moves forward a fixed step on every reading. Time never stands
 * still, so a tracker started and later stopped always lasts whole seconds and writes
 * its worklog, and no two readings of one run are equal.
 */
export class StepClock implements Clock {
  private ms: number;

  constructor(
    start: Date,
    private readonly stepMs = 1000,
  ) {
    this.ms = start.getTime();
  }

  now(): Date {
    const reading = new Date(this.ms);
    this.ms += this.stepMs;
    return reading;
  }
}
