import { notFound } from '../domain/errors.js';
import { buildTimesheet } from '../domain/timesheet.js';
import type { TimesheetQuery } from '../contracts/timesheet.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readOrgUser } from '../orgs/org-users.js';
import { assertMayReadTimeOf, mayWriteTimeOf } from '../roles/time-access.js';
import { targetsOf } from '../targets/org-targets.js';
import { queryUserWorklogs } from '../worklogs/worklog-documents.js';
import { settlePartition } from '../worklogs/user-ledger.js';
import { worklogView } from '../worklogs/worklog-view.js';
import { workItemCache } from '../work-items/work-item-cache.js';

/**
 * The caller's time (or `userId`'s, by role) per local day and work item or target. Reads only
 * the worklogs of those days, through the localDay index of the user's own partition. Says
 * whose it is, and whether the caller may change it (another's only with worklogs:write:all).
 */
export async function getTimesheet(ports: Ports, caller: Caller, query: TimesheetQuery) {
  // Another user's timesheet follows the roles: a Team lead sees their teams', managers everyone's.
  const userId = query.userId ?? caller.user.id;
  await assertMayReadTimeOf(ports, caller, userId);
  const user = userId === caller.user.id ? caller.user : (await readOrgUser(ports.store, caller.orgId, userId))?.user;
  if (!user) throw notFound(`user ${userId} of this organization`);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  await settlePartition(ports.store, caller.orgId, userId);
  const worklogs = await queryUserWorklogs(ports.store, caller.orgId, userId, { fromDay: query.from, toDay: query.to });
  const ids = [...new Set(worklogs.flatMap((w) => (w.workItemId === null ? [] : [w.workItemId])))];
  // From the org's work item cache: no Azure DevOps call while the titles are fresh.
  const workItems = await workItemCache(ports).items({ orgId: caller.orgId, orgName: caller.orgName }, ids);
  const targets = worklogs.some((w) => w.targetId) ? await targetsOf(ports.store, caller.orgId) : [];
  const sheet = buildTimesheet(query.from, query.to, worklogs, new Map([...workItems.values()].map((w) => [w.id, w.title])), targets);
  return { ...sheet, user, editable: mayWriteTimeOf(caller, userId), worklogs: sheet.worklogs.map((w) => worklogView(w, activityTypes)) };
}
