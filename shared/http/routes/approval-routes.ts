import { approvalListQuery, approvalQueueQuery, approvalSettingsBody, decideWeekBody, myWeeksQuery, submitWeekBody, weekStartQuery } from '../../contracts/approvals.js';
import { readApprovalSettings } from '../../approvals/approval-settings.js';
import { approvalQueue, listApprovals, listApprovers, myWeeks } from '../../approvals/list-approvals.js';
import { decideWeek, submitWeek, withdrawWeek } from '../../approvals/week-actions.js';
import { writeApprovalSettings } from '../../approvals/write-approval-settings.js';
import { defineRoute } from '../route.js';

const tag = 'Approvals';

export const approvalRoutes = [
  defineRoute({
    name: 'listTimeApprovals', method: 'GET', path: '/rest/timeApproval/all', access: 'member', tag,
    summary: '7pace: the weeks the caller decides (Administrators: everyone\'s; Team leads: their teams\'), oldest first',
    query: approvalListQuery,
    handle: ({ app, caller, query }) => listApprovals(app.ports, caller, query),
  }),
  defineRoute({
    name: 'submitTimeApprovalWeek', method: 'POST', path: '/rest/timeApproval/week', access: 'member', tag,
    summary: '7pace: submit the caller\'s week (any day of it) to an approver; the week is locked until decided or withdrawn',
    body: submitWeekBody,
    handle: async ({ app, caller, body }) => {
      await submitWeek(app.ports, caller, body);
      return true;
    },
  }),
  defineRoute({
    name: 'withdrawTimeApprovalWeek', method: 'DELETE', path: '/rest/timeApproval/week', access: 'member', tag,
    summary: '7pace: withdraw the caller\'s submitted week before it is decided',
    query: weekStartQuery,
    handle: ({ app, caller, query }) => withdrawWeek(app.ports, caller, query.weekStart),
  }),
  defineRoute({
    name: 'submitWeek', method: 'POST', path: '/approvals/submit', access: 'member', tag,
    summary: 'Submit the caller\'s week to an approver; answers the week\'s record',
    body: submitWeekBody,
    handle: ({ app, caller, body }) => submitWeek(app.ports, caller, body),
  }),
  defineRoute({
    name: 'approveWeek', method: 'POST', path: '/approvals/approve', access: 'member', tag,
    summary: 'Approve a submitted week (Administrators; Team leads for their teams\' members)',
    body: decideWeekBody,
    handle: ({ app, caller, body }) => decideWeek(app.ports, caller, 'approve', body),
  }),
  defineRoute({
    name: 'reopenWeek', method: 'POST', path: '/approvals/reopen', access: 'member', tag,
    summary: 'Send a submitted, approved or closed week back to its member, with a reason',
    body: decideWeekBody,
    handle: ({ app, caller, body }) => decideWeek(app.ports, caller, 'reopen', body),
  }),
  defineRoute({
    name: 'closeWeek', method: 'POST', path: '/approvals/close', access: 'member', tag,
    summary: 'Close (lock) a week its member never submitted',
    body: decideWeekBody,
    handle: ({ app, caller, body }) => decideWeek(app.ports, caller, 'close', body),
  }),
  defineRoute({
    name: 'approvalQueue', method: 'GET', path: '/approvals/queue', access: 'member', tag,
    summary: 'The weeks waiting for the caller\'s decision (or in `state`), with each person\'s total and per-day seconds',
    query: approvalQueueQuery,
    handle: ({ app, caller, query }) => approvalQueue(app.ports, caller, query),
  }),
  defineRoute({
    name: 'myApprovalWeeks', method: 'GET', path: '/approvals/weeks', access: 'member', tag,
    summary: 'The approval records of the caller\'s weeks in [from, to] (userId\'s, by role), and the week settings',
    query: myWeeksQuery,
    handle: ({ app, caller, query }) => myWeeks(app.ports, caller, query),
  }),
  defineRoute({
    name: 'listApprovers', method: 'GET', path: '/approvals/approvers', access: 'member', tag,
    summary: 'Whom the caller may submit weeks to',
    handle: ({ app, caller }) => listApprovers(app.ports, caller),
  }),
  defineRoute({
    name: 'getApprovalSettings', method: 'GET', path: '/settings/approvals', access: 'member', tag,
    summary: 'Approvals on or off, the first day of the week, who approves, complete weeks, reminders',
    handle: ({ app, caller }) => readApprovalSettings(app.ports, caller.orgId),
  }),
  defineRoute({
    name: 'putApprovalSettings', method: 'PUT', path: '/settings/approvals', access: 'admin', tag,
    summary: 'Change the approval settings (Administrators)',
    body: approvalSettingsBody,
    handle: ({ app, caller, body }) => writeApprovalSettings(app.ports, caller, body),
  }),
];
