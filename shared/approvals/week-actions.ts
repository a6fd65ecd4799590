import type { DecideWeekInput } from '../contracts/approvals.js';
import type { WeekAction } from '../domain/approval-transitions.js';
import { conflict, unprocessable } from '../domain/errors.js';
import { localDay } from '../domain/time.js';
import { weekOf, type DayRange } from '../domain/week-locks.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import type { UserStateDoc } from '../worklogs/user-ledger.js';
import { approvalView } from './approval-view.js';
import { readApprovalSettings } from './approval-settings.js';
import { assertMayDecide, pickedApprover } from './approvers.js';
import { changeWeek } from './change-week.js';
import { weekHours } from './week-hours.js';

type WeekPorts = Pick<Ports, 'store' | 'queue' | 'clock'>;

async function enabledSettings(ports: WeekPorts, caller: Caller) {
  const settings = await readApprovalSettings(ports, caller.orgId);
  if (!settings.enabled) throw conflict('approval.disabled', `time approvals are turned off in ${caller.orgName}; an Administrator turns them on under Settings`);
  return settings;
}

/**
 * A tracker that started on or before the week's last day may still add time to it: the
 * week cannot be locked until it stops. So a stop never lands in a locked week.
 */
function refuseWhileTracking(state: UserStateDoc | undefined, week: DayRange, whose: string) {
  const tracker = state?.tracker;
  if (tracker && localDay(new Date(tracker.startTimestamp), tracker.utcOffsetMinutes) <= week.to) {
    throw conflict('approval.tracker_running', `${whose} tracker, started ${tracker.startTimestamp}, is still running and may add time to the week ${week.from} to ${week.to}: stop it first`);
  }
}

/** A week has started once its first day has begun somewhere on Earth (UTC+14): browsers east of UTC submit on their Monday. */
function startedAnywhere(ports: WeekPorts, week: DayRange) {
  if (week.from > localDay(ports.clock.now(), 14 * 60)) throw unprocessable('approval.week_not_started', `the week ${week.from} to ${week.to} has not started yet`);
}

/** The caller submits their own week (any day of it names it) to an approver they pick. */
export async function submitWeek(ports: WeekPorts, caller: Caller, input: { weekStart: string; assignedManagerId: string }) {
  const settings = await enabledSettings(ports, caller);
  const week = weekOf(input.weekStart, settings.firstDayOfWeek);
  startedAnywhere(ports, week);
  const approver = await pickedApprover(ports, caller, settings, input.assignedManagerId);
  const doc = await changeWeek(ports, {
    orgId: caller.orgId, subject: caller.user, week, action: 'submit', by: caller.user, assignedManager: approver,
    check: async (state, locked) => {
      refuseWhileTracking(state, locked, 'your');
      if (!settings.requireCompleteWeek) return;
      const { total } = await weekHours(ports.store, caller.orgId, caller.user.id, locked);
      const needed = settings.minimumWeekHours * 3600;
      if (total < needed) {
        throw unprocessable('approval.week_incomplete', `the week ${locked.from} to ${locked.to} has ${hours(total)} h; ${caller.orgName} needs at least ${settings.minimumWeekHours} h before it can be submitted`);
      }
    },
  });
  return approvalView(doc!);
}

/** The caller takes back their submitted week before anyone decided it. */
export async function withdrawWeek(ports: WeekPorts, caller: Caller, weekStart: string) {
  const settings = await readApprovalSettings(ports, caller.orgId);
  const week = weekOf(weekStart, settings.firstDayOfWeek);
  await changeWeek(ports, { orgId: caller.orgId, subject: caller.user, week, action: 'withdraw', by: caller.user });
  return true;
}

/**
 * An approver decides a week: approve a submitted one, reopen (with a reason) a submitted,
 * approved or closed one, or close one never submitted.
 */
export async function decideWeek(ports: WeekPorts, caller: Caller, action: Extract<WeekAction, 'approve' | 'reopen' | 'close'>, input: DecideWeekInput) {
  const settings = await readApprovalSettings(ports, caller.orgId);
  // Who asks comes first: the state of someone else's week is none of a stranger's business.
  const subject = await assertMayDecide(ports, caller, settings, input.userId);
  if (action !== 'reopen') await enabledSettings(ports, caller);
  const reason = input.reason?.trim() || null;
  if (action === 'reopen' && !reason) throw unprocessable('approval.reason_required', 'say why the week is reopened: the member reads it', [{ path: 'reason', code: 'approval.reason_required', message: 'required' }]);
  const week = weekOf(input.weekStart, settings.firstDayOfWeek);
  if (action === 'close') startedAnywhere(ports, week);
  const doc = await changeWeek(ports, {
    orgId: caller.orgId, subject, week, action, by: caller.user, reason,
    check: async (state, locked) => {
      if (action === 'close') refuseWhileTracking(state, locked, `${subject.name}'s`);
    },
  });
  return approvalView(doc!);
}

const hours = (seconds: number) => (seconds / 3600).toFixed(2).replace(/\.?0+$/, '');
