import { notFound } from '../domain/errors.js';
import type { Entitlement } from '../domain/subscription.js';
import type { Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { updateDocument } from './conditional-update.js';
import type { OrganizationDoc } from './organization.js';

/** The org's lifecycle fields (documents older than them are upgraded on read). */
export const installStateOf = (org: OrganizationDoc) => org.installState;
export const trialStartOf = (org: OrganizationDoc) => org.trialStartTimestamp;
export const entitlementOf = (org: OrganizationDoc): Entitlement | null => org.entitlement;

/** Changes the org document with If-Match, re-deciding on a lost race; undefined from `change` leaves it. */
export async function changeOrganization(
  ports: Pick<Ports, 'store'>,
  orgId: string,
  change: (org: Stored<OrganizationDoc>) => OrganizationDoc | undefined,
): Promise<Stored<OrganizationDoc>> {
  const saved = await updateDocument<OrganizationDoc>(ports.store, 'orgs', orgId, 'organization', (org) => {
    if (!org) throw notFound('the organization');
    return change(org);
  });
  if (!saved) throw new Error(`organization ${orgId} vanished`);
  return saved;
}
