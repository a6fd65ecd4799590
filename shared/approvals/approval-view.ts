import { APPROVAL_STATES } from '../domain/week-locks.js';
import { sevenPaceUser } from '../users/user-view.js';
import type { ApprovalDoc } from './approval-records.js';
import type { WeekHours } from './week-hours.js';

/** 7pace's timeApproval item (7PACE-API.md §2.6), with Timehub's state name and reason beside it. */
export function approvalView(doc: ApprovalDoc) {
  return {
    id: `${doc.userId}_${doc.weekStart}`,
    weekStartDate: doc.weekStart,
    weekEndDate: doc.weekEnd,
    user: sevenPaceUser(doc.user),
    approvalState: APPROVAL_STATES[doc.state],
    state: doc.state,
    reason: doc.reason,
    modificationTimestamp: doc.modificationTimestamp,
    submittedTimestamp: doc.submittedTimestamp,
    approvalTimestamp: doc.approvalTimestamp,
    assignedManager: doc.assignedManager && sevenPaceUser(doc.assignedManager),
    approvedByManager: doc.approvedByManager && sevenPaceUser(doc.approvedByManager),
  };
}

export type ApprovalView = ReturnType<typeof approvalView>;

/** A week in an approver's queue: the record and the person's hours, in seconds. */
export const queuedWeekView = (doc: ApprovalDoc, hours: WeekHours) => ({ ...approvalView(doc), totalSeconds: hours.total, secondsPerDay: hours.perDay });
