import type { ApprovalListQuery, ApprovalQueueQuery, MyWeeksQuery } from '../contracts/approvals.js';
import { forbidden } from '../domain/errors.js';
import type { ApprovalStateName } from '../domain/week-locks.js';
import type { Caller } from '../identity/caller.js';
import { listOrgUsers } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf } from '../roles/time-access.js';
import { orgApprovals, userApprovals } from './approval-records.js';
import { readApprovalSettings } from './approval-settings.js';
import { approvalView, queuedWeekView } from './approval-view.js';
import { approversOf, mayApprove } from './approvers.js';
import { weekHours } from './week-hours.js';

type ListPorts = Pick<Ports, 'store'>;

/** The users whose weeks the caller decides: undefined for everyone (Administrators); 403 for non-approvers. */
async function decidable(ports: ListPorts, caller: Caller) {
  const settings = await readApprovalSettings(ports, caller.orgId);
  const access = caller.access ?? { role: 'member' as const, teams: [], billingAdmin: false };
  if (access.role === 'administrator') return undefined;
  if (access.role !== 'teamLead' || settings.approvers !== 'teamLeads') {
    throw forbidden(`the approval lists need ${settings.approvers === 'teamLeads' ? 'a Team lead or an Administrator' : 'an Administrator'}`);
  }
  const users = await listOrgUsers(ports.store, caller.orgId);
  return users.filter((u) => mayApprove(settings, { userId: caller.user.id, access }, u)).map((u) => u.userId);
}

/** A 7pace bound (a day or a local time) as the day it names. */
const dayOf = (text: string | undefined) => text?.slice(0, 10);

/** 7pace's GET timeApproval/all: the weeks the caller may decide, oldest first, paged. */
export async function listApprovals(ports: ListPorts, caller: Caller, query: ApprovalListQuery) {
  const userIds = await decidable(ports, caller);
  if (userIds?.length === 0) return [];
  const docs = await orgApprovals(ports.store, caller.orgId, { range: { from: dayOf(query.$fromTimestamp), to: dayOf(query.$toTimestamp) }, userIds });
  const skip = query.$skip ?? 0;
  return docs.slice(skip, skip + (query.$count ?? 500)).map(approvalView);
}

/** An approver's queue: weeks in `state` (submitted by default), each with the person's total and per-day hours. */
export async function approvalQueue(ports: ListPorts, caller: Caller, query: ApprovalQueueQuery) {
  const userIds = await decidable(ports, caller);
  if (userIds?.length === 0) return [];
  const states: ApprovalStateName[] = [query.state ?? 'submitted'];
  const docs = (await orgApprovals(ports.store, caller.orgId, { states, userIds }))
    .filter((doc) => !query.onlyAssignedToMe || doc.assignedManager?.id === caller.user.id);
  return Promise.all(docs.map(async (doc) => queuedWeekView(doc, await weekHours(ports.store, caller.orgId, doc.userId, { from: doc.weekStart, to: doc.weekEnd }))));
}

/** The caller's (or, by role, userId's) weeks in [from, to]: the records, and the settings that frame them. */
export async function myWeeks(ports: ListPorts, caller: Caller, query: MyWeeksQuery) {
  const userId = query.userId ?? caller.user.id;
  await assertMayReadTimeOf(ports, caller, userId);
  const settings = await readApprovalSettings(ports, caller.orgId);
  const docs = await userApprovals(ports.store, caller.orgId, userId, { from: query.from, to: query.to });
  return { enabled: settings.enabled, firstDayOfWeek: settings.firstDayOfWeek, weeks: docs.map(approvalView) };
}

/** Whom the caller may submit their weeks to. */
export async function listApprovers(ports: ListPorts, caller: Caller) {
  const settings = await readApprovalSettings(ports, caller.orgId);
  return (await approversOf(ports, caller.orgId, settings, caller.user.id)).map((u) => ({ id: u.id, name: u.name, uniqueName: u.uniqueName }));
}
