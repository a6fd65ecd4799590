import type { ApprovalSettings } from '../contracts/approvals.js';
import { forbidden, notFound, unprocessable } from '../domain/errors.js';
import { sharesTeam, type CallerAccess } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import { accessOf, listOrgUsers, readOrgUser, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';

interface Person {
  userId: string;
  access: CallerAccess;
}

/**
 * Administrators approve anyone's weeks (their own too: someone has to); Team leads the
 * weeks of their teams' members but not their own, when the org lets Team leads approve.
 */
export function mayApprove(settings: ApprovalSettings, approver: Person, subject: { userId: string; teams: readonly string[] }) {
  if (approver.access.role === 'administrator') return true;
  return settings.approvers === 'teamLeads' && approver.access.role === 'teamLead' && approver.userId !== subject.userId && sharesTeam(approver.access.teams, subject.teams);
}

const personOf = (doc: OrgUserDoc): Person => ({ userId: doc.userId, access: accessOf(doc, false) });

/** Who may decide `userId`'s weeks: whom they can submit to. */
export async function approversOf(ports: Pick<Ports, 'store'>, orgId: string, settings: ApprovalSettings, userId: string) {
  const users = await listOrgUsers(ports.store, orgId);
  const subject = users.find((u) => u.userId === userId);
  const teams = subject?.teams ?? [];
  return users.filter((u) => mayApprove(settings, personOf(u), { userId, teams })).map((u) => u.user);
}

/** 403 unless the caller may decide `userId`'s weeks; 404 when `userId` is no user of the org. */
export async function assertMayDecide(ports: Pick<Ports, 'store'>, caller: Caller, settings: ApprovalSettings, userId: string) {
  const subject = await readOrgUser(ports.store, caller.orgId, userId);
  const access = caller.access ?? { role: 'member', teams: [], billingAdmin: false };
  if (subject && mayApprove(settings, { userId: caller.user.id, access }, subject)) return subject.user;
  if (!subject && access.role === 'administrator') throw notFound(`user ${userId} of this organization`);
  const who = settings.approvers === 'teamLeads' ? "an Administrator, or a Team lead of the user's team" : 'an Administrator';
  throw forbidden(`deciding this week needs ${who}`);
}

/** The approver a member picked, if allowed to decide the member's weeks; 422 otherwise. */
export async function pickedApprover(ports: Pick<Ports, 'store'>, caller: Caller, settings: ApprovalSettings, approverId: string) {
  const [approver, member] = await Promise.all([readOrgUser(ports.store, caller.orgId, approverId), readOrgUser(ports.store, caller.orgId, caller.user.id)]);
  if (approver && mayApprove(settings, personOf(approver), { userId: caller.user.id, teams: member?.teams ?? [] })) return approver.user;
  throw unprocessable('approval.not_an_approver', `user ${approverId} may not approve your weeks; GET /api/approvals/approvers lists who may`, [
    { path: 'assignedManagerId', code: 'approval.not_an_approver', message: 'not one of your approvers' },
  ]);
}
