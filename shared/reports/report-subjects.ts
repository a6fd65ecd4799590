import { scopeOf, sharesTeam, type CallerAccess } from '../domain/roles.js';
import type { TimeReportQuery } from '../contracts/reports.js';
import type { Caller } from '../identity/caller.js';
import { listOrgUsers } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf, visibleUserIds } from '../roles/time-access.js';

const ownOnly: CallerAccess = { role: 'member', teams: [], billingAdmin: false };

/**
 * Whose time a report sums, by the role rules: undefined for everyone in the org
 * (Administrators, managers), else a list. Members see their own time, Team leads their
 * teams'. A user named in `users` the caller may not read is refused (403), one of no user
 * of the org is not found (404), as on every other read of time.
 */
export async function reportSubjects(ports: Pick<Ports, 'store'>, caller: Caller, query: Pick<TimeReportQuery, 'users' | 'teams'>) {
  let subjects: string[] | undefined;
  if (query.users) {
    for (const userId of query.users) await assertMayReadTimeOf(ports, caller, userId);
    subjects = [...new Set(query.users)];
  } else if (scopeOf(caller.access ?? ownOnly, 'read') === 'own') {
    subjects = [caller.user.id];
  } else {
    subjects = await visibleUserIds(ports, caller);
  }
  if (!query.teams) return subjects;
  const teams = query.teams;
  const inTeams = (await listOrgUsers(ports.store, caller.orgId)).filter((u) => sharesTeam(teams, u.teams)).map((u) => u.userId);
  return subjects ? subjects.filter((id) => inTeams.includes(id)) : inTeams;
}
