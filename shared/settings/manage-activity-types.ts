import type { ActivityTypePatchInput, NewActivityTypeInput } from '../contracts/activity-types.js';
import {
  addActivityType, changeActivityType, deactivateActivityType, type ActivityType,
} from '../domain/activity-types.js';
import { StorePreconditionError } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesIn, loadOrganization } from '../orgs/organization.js';
import { activityTypeView } from './activity-type-view.js';

type Change = (types: ActivityType[]) => ActivityType[];

/** Applies `change` to the org's activity types, retried on top of concurrent writes. */
async function changeActivityTypes(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, change: Change) {
  for (;;) {
    const org = await loadOrganization(ports, caller.orgId, caller.orgName);
    const activityTypes = change(activityTypesIn(org));
    const { _etag, ...doc } = org;
    try {
      await ports.store.replace('orgs', { ...doc, activityTypes }, _etag);
      return activityTypes;
    } catch (error) {
      // Someone changed the org document meanwhile: apply ours on top of theirs.
      if (!(error instanceof StorePreconditionError)) throw error;
    }
  }
}

const typeWithId = (types: ActivityType[], id: string) => activityTypeView(types.find((type) => type.id === id) as ActivityType);

export async function createActivityType(ports: Pick<Ports, 'store' | 'clock' | 'newId'>, caller: Caller, input: NewActivityTypeInput) {
  const id = ports.newId();
  return typeWithId(await changeActivityTypes(ports, caller, (types) => addActivityType(types, id, input)), id);
}

export async function updateActivityType(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, id: string, patch: ActivityTypePatchInput) {
  return typeWithId(await changeActivityTypes(ports, caller, (types) => changeActivityType(types, id, patch)), id);
}

/** Deactivates rather than deletes: worklogs naming the type keep its name and color. */
export async function retireActivityType(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, id: string) {
  return typeWithId(await changeActivityTypes(ports, caller, (types) => deactivateActivityType(types, id)), id);
}
