import { addSeconds, localDay, offsetIn, SECONDS_PER_DAY, wallClockInstant } from '../domain/time.js';
import type { Tracker } from '../domain/tracker.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { answerActivityCheck } from './answer-activity-check.js';

/** 7pace's idleCheck options (T1's enum): ask again in an hour, tomorrow, or next Monday. */
export const POSTPONE_OPTIONS = { oneHour: 0, tomorrow: 1, nextMonday: 2 } as const;
export type PostponeOption = (typeof POSTPONE_OPTIONS)[keyof typeof POSTPONE_OPTIONS];

/**
 * When the next activity check comes after `option`: an hour from now, or the start of
 * tomorrow / of next Monday in the tracker's zone (the zone it was started in; a Monday
 * postpones to the Monday after). The tracker's maximum length still stops it on time.
 */
export function postponedCheckAt(option: PostponeOption, tracker: Pick<Tracker, 'timeZone' | 'utcOffsetMinutes'>, now: Date): Date {
  if (option === POSTPONE_OPTIONS.oneHour) return addSeconds(now, 3600);
  const zone = tracker.timeZone ?? tracker.utcOffsetMinutes;
  const today = localDay(now, offsetIn(zone, now));
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const days = option === POSTPONE_OPTIONS.tomorrow ? 1 : (8 - weekday) % 7 || 7;
  const day = addSeconds(new Date(`${today}T00:00:00Z`), days * SECONDS_PER_DAY).toISOString().slice(0, 10);
  return wallClockInstant(day, zone);
}

/**
 * 7pace's `idleCheck/{selectedOption}`: answers a waiting check (as "still working") and
 * moves the running tracker's next check to the chosen time; the timer is re-armed on the queue.
 */
export const postponeActivityCheck = (ports: Ports, caller: Caller, option: PostponeOption) =>
  answerActivityCheck(ports, caller, (tracker, now) => postponedCheckAt(option, tracker, now));
