import { transition, type WeekAction } from '../domain/approval-transitions.js';
import { locks, withLock, withoutLock, type DayRange } from '../domain/week-locks.js';
import type { UserRef } from '../domain/worklog.js';
import type { BatchOperation, Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger, userPartition, type UserStateDoc } from '../worklogs/user-ledger.js';
import { queueApprovalNotice } from './approval-notices.js';
import { approvalId, readApproval, type ApprovalDoc } from './approval-records.js';

export interface WeekChange {
  orgId: string;
  subject: UserRef;
  week: DayRange;
  action: WeekAction;
  by: UserRef;
  reason?: string | null;
  assignedManager?: UserRef;
  /** More checks against the state the change commits on (a running tracker, the week's hours). */
  check?: (state: Stored<UserStateDoc> | undefined, week: DayRange) => Promise<void>;
}

/**
 * Moves one week of one user from its state to the next, in one ledger commit on the
 * user's partition: the record and the lock it puts on (or takes off) the user's state
 * go together, If-Match on the state. An edit racing it therefore commits before it (and
 * the week is decided with the edit in it) or re-plans after it and is refused.
 */
export async function changeWeek(ports: Pick<Ports, 'store' | 'queue' | 'clock'>, change: WeekChange): Promise<ApprovalDoc | null> {
  const { orgId, subject, action } = change;
  return commitToLedger<ApprovalDoc | null>(ports.store, orgId, subject.id, async (state) => {
    const current = await readApproval(ports.store, orgId, subject.id, change.week.from);
    // A record keeps the days it was taken for, whatever the week settings say now.
    const week = current ? { from: current.weekStart, to: current.weekEnd } : change.week;
    const next = transition(current?.state ?? null, action, `${week.from} to ${week.to}`);
    await change.check?.(state, week);
    const now = ports.clock.now().toISOString();
    const decided = action === 'approve' || action === 'reopen' || action === 'close';
    const doc: ApprovalDoc | null = next && {
      id: approvalId(week.from), pk: userPartition(orgId, subject.id), type: 'timeApproval', schemaVersion: 1, orgId, userId: subject.id, user: subject,
      weekStart: week.from, weekEnd: week.to, state: next,
      assignedManager: change.assignedManager ?? current?.assignedManager ?? null,
      approvedByManager: decided ? change.by : action === 'submit' ? null : (current?.approvedByManager ?? null),
      reason: action === 'reopen' ? (change.reason ?? null) : null,
      submittedTimestamp: action === 'submit' ? now : (current?.submittedTimestamp ?? null),
      approvalTimestamp: decided ? now : action === 'submit' ? null : (current?.approvalTimestamp ?? null),
      modificationTimestamp: now,
      revision: (current?.revision ?? 0) + 1,
    };
    const operations: BatchOperation[] = [];
    if (doc) operations.push(current ? { op: 'replace', doc, ifMatch: current._etag } : { op: 'create', doc });
    else if (current) operations.push({ op: 'delete', id: current.id, ifMatch: current._etag });
    return {
      tracker: state?.tracker ?? null,
      operations,
      previous: current ? [current] : [],
      locks: locks(next) ? withLock(state?.locks, week, next) : withoutLock(state?.locks, week),
      result: doc,
      afterCommit: async () => {
        if (doc) await queueApprovalNotice(ports, doc);
      },
    };
  });
}
