import { AppError, type ErrorDetail } from '../domain/errors.js';
import { lockMessage, lockOn, type WeekLock } from '../domain/week-locks.js';

export interface TouchedDay {
  day: string;
  /** The item's place in a batch, when there is one. */
  index?: number;
}

/** One problem per touched day that lies in a locked week (approvals: Submitted, Approved, Closed). */
export function lockedWeekProblems(held: readonly WeekLock[] | undefined, touched: readonly TouchedDay[]): ErrorDetail[] {
  if (!held?.length) return [];
  return touched.flatMap(({ day, index }) => {
    const lock = lockOn(held, day);
    return lock ? [{ ...(index === undefined ? {} : { index }), path: 'timestamp', code: 'approval.week_locked', message: lockMessage(day, lock) }] : [];
  });
}

/**
 * 409 `approval.week_locked` (7pace: ApprovalStateFailed) naming the locked week and why,
 * when a write would change time in one. The ledger checks every commit with it.
 */
export function assertWeeksOpen(held: readonly WeekLock[] | undefined, touched: readonly TouchedDay[]) {
  const problems = lockedWeekProblems(held, touched);
  const unique = [...new Map(problems.map((p) => [`${p.index ?? ''}|${p.message}`, p])).values()];
  const [first] = unique;
  if (!first) return;
  const message = unique.length === 1 ? first.message : `${unique.length} changes fall in locked weeks, listed in details; the first: ${first.message}`;
  throw new AppError(409, 'approval.week_locked', message, unique);
}
