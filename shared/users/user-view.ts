import type { UserRef } from '../domain/worklog.js';

/**
 * A user as 7pace's REST API shows one (7PACE-API.md §2.2). Timehub's user id is the Azure
 * DevOps id, so the `vsts*` ids repeat it; `email` is the unique name when that is an address.
 */
export function sevenPaceUser(user: UserRef) {
  return {
    id: user.id,
    uniqueName: user.uniqueName,
    name: user.name,
    displayName: user.name,
    email: user.uniqueName.includes('@') ? user.uniqueName : null,
    vstsId: user.id,
    vstsCollectionId: user.id,
    vstsCollectionId2: user.id,
  };
}
