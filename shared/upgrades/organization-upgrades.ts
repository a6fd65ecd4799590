import { DEFAULT_TRACKING_POLICY } from '../domain/activity-check.js';
import { withActiveFlags, type StoredActivityType } from '../domain/activity-types.js';
import type { DocumentUpgrades, StoredFields } from './document-upgrades.js';

/**
 * Version 1 grew field by field: activity types before deactivation had no `isActive`,
 * orgs from before activity checks no `trackingPolicy`, from before uninstall and billing
 * no lifecycle fields. Version 2 has every field, with the values version 1 read them as.
 */
function version1To2(doc: StoredFields): Record<string, unknown> {
  const createdTimestamp = doc.createdTimestamp as string;
  return {
    ...doc,
    activityTypes: withActiveFlags(doc.activityTypes as StoredActivityType[]),
    trackingPolicy: doc.trackingPolicy ?? DEFAULT_TRACKING_POLICY,
    installState: doc.installState ?? 'installed',
    uninstalledTimestamp: doc.uninstalledTimestamp ?? null,
    trialStartTimestamp: doc.trialStartTimestamp ?? createdTimestamp,
    entitlement: doc.entitlement ?? null,
  };
}

export const organizationUpgrades: DocumentUpgrades = { type: 'organization', steps: [version1To2] };
