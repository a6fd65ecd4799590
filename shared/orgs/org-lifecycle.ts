import { notFound } from '../domain/errors.js';
import type { Entitlement } from '../domain/subscription.js';
import type { Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { updateDocument } from './conditional-update.js';
import type { OrganizationDoc } from './organization.js';

/** The org's lifecycle fields, with the defaults for documents written before they existed. */
export const installStateOf = (org: OrganizationDoc) => org.installState ?? 'installed';
/** The trial starts with the org's first verified session, when its document is created. */
export const trialStartOf = (org: OrganizationDoc) => org.trialStartTimestamp ?? org.createdTimestamp;
export const entitlementOf = (org: OrganizationDoc): Entitlement | null => org.entitlement ?? null;

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
