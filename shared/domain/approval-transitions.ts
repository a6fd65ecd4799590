import { conflict } from './errors.js';
import type { ApprovalStateName } from './week-locks.js';

/**
 * What can happen to a week, from which state, and where it leaves it. No record (null)
 * is a week never submitted, or withdrawn. Who may do it is checked by the use case.
 */
export type WeekAction = 'submit' | 'withdraw' | 'approve' | 'reopen' | 'close';

const RULES: Record<WeekAction, { from: readonly (ApprovalStateName | null)[]; to: ApprovalStateName | null; verb: string }> = {
  submit: { from: [null, 'reopened'], to: 'submitted', verb: 'submitted' },
  withdraw: { from: ['submitted'], to: null, verb: 'withdrawn' },
  approve: { from: ['submitted'], to: 'approved', verb: 'approved' },
  reopen: { from: ['submitted', 'approved', 'closed'], to: 'reopened', verb: 'reopened' },
  close: { from: [null, 'reopened'], to: 'closed', verb: 'closed' },
};

const STATE_TEXT: Record<ApprovalStateName, string> = {
  submitted: 'submitted and waiting for a decision',
  reopened: 'reopened',
  approved: 'approved',
  closed: 'closed',
};

/** The state `action` leaves the week in; 409 `approval.invalid_transition` when it cannot happen from `current`. */
export function transition(current: ApprovalStateName | null, action: WeekAction, week: string): ApprovalStateName | null {
  const rule = RULES[action];
  if (rule.from.includes(current)) return rule.to;
  const now = current === null ? 'not submitted' : STATE_TEXT[current];
  throw conflict('approval.invalid_transition', `the week ${week} is ${now}, so it cannot be ${rule.verb}`);
}
