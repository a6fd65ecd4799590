import { DEFAULT_TRACKING_POLICY, type TrackingPolicy } from '../domain/activity-check.js';
import { DEFAULT_ACTIVITY_TYPES, withActiveFlags, type StoredActivityType } from '../domain/activity-types.js';
import type { Entitlement } from '../domain/subscription.js';
import { StoreConflictError, type Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';

export interface OrganizationDoc extends Document {
  type: 'organization';
  orgId: string;
  name: string;
  /** Read through activityTypesIn(): older documents lack `isActive`. */
  activityTypes: StoredActivityType[];
  createdTimestamp: string;
  /** Absent on documents written before activity checks: the defaults apply. */
  trackingPolicy?: TrackingPolicy;
  /** Lifecycle and subscription; absent on older documents, read through org-lifecycle.ts. */
  installState?: 'installed' | 'uninstalled';
  uninstalledTimestamp?: string | null;
  trialStartTimestamp?: string;
  entitlement?: Entitlement | null;
}

export const activityTypesIn = (org: OrganizationDoc) => withActiveFlags(org.activityTypes);

export const trackingPolicyOf = (org: OrganizationDoc): TrackingPolicy => org.trackingPolicy ?? DEFAULT_TRACKING_POLICY;

/** The org's own document, created with the defaults on first use. */
export async function loadOrganization(ports: Pick<Ports, 'store' | 'clock'>, orgId: string, orgName: string) {
  const existing = await ports.store.read<OrganizationDoc>('orgs', orgId, 'organization');
  if (existing) return existing;
  const doc: OrganizationDoc = {
    id: 'organization', pk: orgId, type: 'organization', schemaVersion: 1, orgId, name: orgName,
    activityTypes: [...DEFAULT_ACTIVITY_TYPES], createdTimestamp: ports.clock.now().toISOString(),
  };
  try {
    return await ports.store.create('orgs', doc);
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    const raced = await ports.store.read<OrganizationDoc>('orgs', orgId, 'organization');
    if (!raced) throw error;
    return raced;
  }
}

export async function activityTypesOf(ports: Pick<Ports, 'store' | 'clock'>, orgId: string, orgName: string) {
  return activityTypesIn(await loadOrganization(ports, orgId, orgName));
}

/** The org document when only its id is known (queue handlers); undefined before first use. */
export async function loadOrganizationById(ports: Pick<Ports, 'store'>, orgId: string) {
  return ports.store.read<OrganizationDoc>('orgs', orgId, 'organization');
}
