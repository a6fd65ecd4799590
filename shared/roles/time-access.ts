import { forbidden, notFound } from '../domain/errors.js';
import { deniedMessage, scopeOf, sharesTeam, type CallerAccess } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import { listOrgUsers, readOrgUser } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';

/**
 * Whose time a caller may see and change. Members: their own. Team leads: also the time
 * of users who share a team with them. Product and Budget managers: everyone's, read
 * only. Administrators: everyone's, read and write.
 */
function accessOrOwnOnly(caller: Caller): CallerAccess {
  // Outside the HTTP pipeline (scripts, queue handlers) a caller acts on their own time only.
  return caller.access ?? { role: 'member', teams: [], billingAdmin: false };
}

/** Throws 403 (naming the role needed) unless the caller may read `userId`'s time; 404 when `userId` is no user of the org. */
export async function assertMayReadTimeOf(ports: Pick<Ports, 'store'>, caller: Caller, userId: string) {
  if (userId === caller.user.id) return;
  const access = accessOrOwnOnly(caller);
  const scope = scopeOf(access, 'read');
  if (scope === 'all') {
    // Someone who never signed in to this org (another org's user, say) is not found, as on writes.
    if (!(await readOrgUser(ports.store, caller.orgId, userId))) throw notFound(`user ${userId} of this organization`);
    return;
  }
  if (scope === 'team') {
    const subject = await readOrgUser(ports.store, caller.orgId, userId);
    if (subject && sharesTeam(access.teams, subject.teams)) return;
    throw forbidden(deniedMessage('worklogs:read:all', access, "reading the time of someone outside your teams"));
  }
  throw forbidden(deniedMessage('worklogs:read:team', access, "reading another user's time"));
}

export const mayWriteTimeOf = (caller: Caller, userId: string) => userId === caller.user.id || scopeOf(accessOrOwnOnly(caller), 'write') === 'all';

/** Throws 403 unless the caller may change `userId`'s time. */
export function assertMayWriteTimeOf(caller: Caller, userId: string) {
  if (mayWriteTimeOf(caller, userId)) return;
  throw forbidden(deniedMessage('worklogs:write:all', accessOrOwnOnly(caller), "changing another user's time"));
}

/**
 * Whose worklogs an org-wide list shows: undefined for everyone, else the user ids of
 * the caller's teams (and the caller). 403 for Members.
 */
export async function visibleUserIds(ports: Pick<Ports, 'store'>, caller: Caller): Promise<string[] | undefined> {
  const access = accessOrOwnOnly(caller);
  const scope = scopeOf(access, 'read');
  if (scope === 'all') return undefined;
  if (scope !== 'team') throw forbidden(deniedMessage('worklogs:read:team', access, "reading other users' time"));
  const users = await listOrgUsers(ports.store, caller.orgId);
  const team = users.filter((u) => sharesTeam(access.teams, u.teams)).map((u) => u.userId);
  return [...new Set([caller.user.id, ...team])];
}

/** Whose time the caller may read: undefined for everyone, else user ids (a Member: only themselves). Never 403. */
export async function readableUserIds(ports: Pick<Ports, 'store'>, caller: Caller): Promise<string[] | undefined> {
  if (scopeOf(accessOrOwnOnly(caller), 'read') === 'own') return [caller.user.id];
  return visibleUserIds(ports, caller);
}

/** The user someone else's time is written for: they must have signed in to this org. */
export async function subjectUser(ports: Pick<Ports, 'store'>, caller: Caller, userId: string | undefined) {
  if (userId === undefined || userId === caller.user.id) return caller.user;
  assertMayWriteTimeOf(caller, userId);
  const subject = await readOrgUser(ports.store, caller.orgId, userId);
  if (!subject) throw notFound(`user ${userId} of this organization`);
  return subject.user;
}
