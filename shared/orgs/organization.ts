import { DEFAULT_TRACKING_POLICY, type TrackingPolicy } from '../domain/activity-check.js';
import { DEFAULT_ACTIVITY_TYPES, type ActivityType } from '../domain/activity-types.js';
import type { Entitlement } from '../domain/subscription.js';
import { StoreConflictError, type Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { currentVersion } from '../upgrades/document-upgrades.js';
import { organizationUpgrades } from '../upgrades/organization-upgrades.js';

export const ORGANIZATION_SCHEMA_VERSION = currentVersion(organizationUpgrades);

/** Version 2: every field present. Older shapes are upgraded on read (upgrades/organization-upgrades.ts). */
export interface OrganizationDoc extends Document {
  type: 'organization';
  orgId: string;
  name: string;
  activityTypes: ActivityType[];
  createdTimestamp: string;
  trackingPolicy: TrackingPolicy;
  /** Lifecycle and subscription, read through org-lifecycle.ts. */
  installState: 'installed' | 'uninstalled';
  uninstalledTimestamp: string | null;
  /** The trial starts with the org's first verified session, when its document is created. */
  trialStartTimestamp: string;
  entitlement: Entitlement | null;
}

export const activityTypesIn = (org: OrganizationDoc) => org.activityTypes;

export const trackingPolicyOf = (org: OrganizationDoc): TrackingPolicy => org.trackingPolicy;

/** The org's own document, created with the defaults on first use. */
export async function loadOrganization(ports: Pick<Ports, 'store' | 'clock'>, orgId: string, orgName: string) {
  const existing = await ports.store.read<OrganizationDoc>('orgs', orgId, 'organization');
  if (existing) return existing;
  const created = ports.clock.now().toISOString();
  const doc: OrganizationDoc = {
    id: 'organization', pk: orgId, type: 'organization', schemaVersion: ORGANIZATION_SCHEMA_VERSION, orgId, name: orgName,
    activityTypes: [...DEFAULT_ACTIVITY_TYPES], createdTimestamp: created, trackingPolicy: DEFAULT_TRACKING_POLICY,
    installState: 'installed', uninstalledTimestamp: null, trialStartTimestamp: created, entitlement: null,
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
