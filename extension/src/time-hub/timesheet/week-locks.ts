import type { ApprovalView } from '../../shared/api-types.js';
import { addDays, weekStartOf } from './week.js';

/** Why a week's cells are locked, in the member's words; undefined when its time may change. */
export function lockReason(week: ApprovalView): string | undefined {
  if (week.state === 'submitted') return `Submitted for approval to ${week.assignedManager?.name ?? 'an approver'}: withdraw it to change its time`;
  if (week.state === 'approved') return `Approved by ${week.approvedByManager?.name ?? 'an approver'}: an approver has to reopen it`;
  if (week.state === 'closed') return `Closed by ${week.approvedByManager?.name ?? 'a manager'}: an approver has to reopen it`;
  return undefined;
}

/** The locked days of the records shown, each with its reason. */
export function lockedDays(weeks: readonly ApprovalView[]): Map<string, string> {
  const days = new Map<string, string>();
  for (const week of weeks) {
    const reason = lockReason(week);
    if (!reason) continue;
    for (let day = week.weekStartDate; day <= week.weekEndDate; day = addDays(day, 1)) days.set(day, reason);
  }
  return days;
}

/**
 * The starts of the org's approval weeks that share a day with the shown week: one when the
 * user's week starts on the org's first day, else the two it straddles.
 */
export function approvalPeriodStarts(weekStart: string, organizationFirstDayOfWeek: number): string[] {
  const first = weekStartOf(new Date(`${weekStart}T12:00:00`), organizationFirstDayOfWeek);
  return first === weekStart ? [first] : [first, addDays(first, 7)];
}
