import type { TrackingPolicy } from '../domain/activity-check.js';
import { StorePreconditionError } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import type { Caller } from '../identity/caller.js';
import { loadOrganization, trackingPolicyOf } from '../orgs/organization.js';

export async function readTrackingSettings(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller) {
  return trackingPolicyOf(await loadOrganization(ports, caller.orgId, caller.orgName));
}

/** Applies to trackers started from now on; running ones keep the rules they started with. */
export async function writeTrackingSettings(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, policy: TrackingPolicy) {
  for (;;) {
    const org = await loadOrganization(ports, caller.orgId, caller.orgName);
    const { _etag, ...doc } = org;
    try {
      await ports.store.replace('orgs', { ...doc, trackingPolicy: policy }, _etag);
      return policy;
    } catch (error) {
      // Someone changed the org document meanwhile: apply ours on top of theirs.
      if (!(error instanceof StorePreconditionError)) throw error;
    }
  }
}
