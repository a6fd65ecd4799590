import type { UserRef } from '../domain/worklog.js';
import type { Ports } from '../ports/index.js';
import { reinstallOrganization } from './install-state.js';
import { installStateOf } from './org-lifecycle.js';
import { accessOf, recordSignIn } from './org-users.js';
import { loadOrganization } from './organization.js';

/**
 * What a verified session does to the org: the first one registers it (its 28-day trial
 * starts), one after an uninstall reinstalls it with all its data, and each one records
 * the user with what the directory says about them now. Returns the user's access.
 */
export async function registerSession(
  ports: Pick<Ports, 'store' | 'clock' | 'queue' | 'mailer'>,
  org: { id: string; name: string },
  user: UserRef,
  isCollectionAdmin: boolean,
) {
  const doc = await loadOrganization(ports, org.id, org.name);
  if (installStateOf(doc) === 'uninstalled') await reinstallOrganization(ports, doc);
  const orgUser = await recordSignIn(ports, org.id, user, isCollectionAdmin);
  return accessOf(orgUser, isCollectionAdmin);
}
