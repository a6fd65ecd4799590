/**
 * Approval periods and the locks they put on a user's time. Days are local calendar days
 * (YYYY-MM-DD), as worklogs record them (`localDay`): a worklog belongs to the week of the
 * day it starts on. Pure: no I/O, no clock.
 */

/** 7pace's approvalState codes; a week never submitted has no record. */
export const APPROVAL_STATES = { submitted: 1, reopened: 2, approved: 3, closed: 99 } as const;
export type ApprovalStateName = keyof typeof APPROVAL_STATES;

/** The states in which the owner's time cannot change. */
export type LockState = 'submitted' | 'approved' | 'closed';
export const locks = (state: ApprovalStateName | null): state is LockState => state === 'submitted' || state === 'approved' || state === 'closed';

export interface DayRange {
  from: string;
  to: string;
}

/** A locked stretch of days; adjacent weeks in the same state are kept as one, so the list stays short. */
export interface WeekLock extends DayRange {
  state: LockState;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The week (in the org's week settings) that `day` falls in. */
export function weekOf(day: string, firstDayOfWeek: number): DayRange {
  const from = addDays(day, -((weekdayOf(day) - firstDayOfWeek + 7) % 7));
  return { from, to: addDays(from, 6) };
}

export const lockOn = (held: readonly WeekLock[] | undefined, day: string) => held?.find((lock) => lock.from <= day && day <= lock.to);

/** `held` without any lock on the days of `range` (a longer lock is cut around it). */
export function withoutLock(held: readonly WeekLock[] | undefined, range: DayRange): WeekLock[] {
  const kept: WeekLock[] = [];
  for (const lock of held ?? []) {
    if (lock.to < range.from || lock.from > range.to) {
      kept.push(lock);
      continue;
    }
    if (lock.from < range.from) kept.push({ ...lock, to: addDays(range.from, -1) });
    if (lock.to > range.to) kept.push({ ...lock, from: addDays(range.to, 1) });
  }
  return kept;
}

/** `held` with `range` locked in `state`, merged with neighbours in the same state. */
export function withLock(held: readonly WeekLock[] | undefined, range: DayRange, state: LockState): WeekLock[] {
  const all = [...withoutLock(held, range), { ...range, state }].sort((a, b) => (a.from < b.from ? -1 : 1));
  const merged: WeekLock[] = [];
  for (const lock of all) {
    const last = merged.at(-1);
    if (last && last.state === lock.state && addDays(last.to, 1) === lock.from) merged[merged.length - 1] = { ...last, to: lock.to };
    else merged.push(lock);
  }
  return merged;
}

const WHY: Record<LockState, string> = {
  submitted: 'is submitted for approval: withdraw it, or wait until it is decided',
  approved: 'is approved: an approver has to reopen it first',
  closed: 'was closed by a manager: an approver has to reopen it first',
};

/** The week of `day` inside a lock: locks are whole weeks, so weeks step by 7 days from its first day. */
export function lockedWeekOf(day: string, lock: WeekLock): DayRange {
  const offset = Math.round((Date.parse(day) - Date.parse(lock.from)) / 86_400_000);
  const from = addDays(lock.from, offset - (offset % 7));
  const to = addDays(from, 6);
  return { from, to: to < lock.to ? to : lock.to };
}

/** Names the locked week a day falls in, and why it is locked. */
export function lockMessage(day: string, lock: WeekLock) {
  const week = lockedWeekOf(day, lock);
  return `${day} lies in the week ${week.from} to ${week.to}, which ${WHY[lock.state]}`;
}
