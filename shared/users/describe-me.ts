import { permissionsOf } from '../domain/roles.js';
import { offsetOf } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readUserSettings } from '../settings/user-settings.js';
import { sevenPaceActivityType } from '../settings/activity-type-view.js';
import { sevenPaceUser } from './user-view.js';

/**
 * 7pace's `me` (`user`, `account`, `defaultActivityType`, `timeZone` in minutes east of
 * UTC, now) plus Timehub's own fields, which its UI and scripts read.
 */
export async function describeMe(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller) {
  const [settings, activityTypes] = await Promise.all([
    readUserSettings(ports, caller.orgId, caller.user.id),
    activityTypesOf(ports, caller.orgId, caller.orgName),
  ]);
  const defaultType = activityTypes.find((type) => type.isDefault);
  return {
    user: sevenPaceUser(caller.user),
    account: { id: caller.orgId, name: caller.orgName, vstsId: caller.orgId, vstsCollectionId: caller.orgId },
    defaultActivityType: defaultType ? sevenPaceActivityType(defaultType) : null,
    timeZone: settings.timeZone ? offsetOf(settings.timeZone, ports.clock.now()) : 0,
    timeZoneName: settings.timeZone,
    organization: { id: caller.orgId, name: caller.orgName },
    roles: caller.roles,
    // The Timehub role, resolved on this request; `roles` is what the directory said at sign-in.
    ...(caller.access && { role: caller.access.role, teams: caller.access.teams, isBillingAdmin: caller.access.billingAdmin, permissions: permissionsOf(caller.access) }),
  };
}
