import { createApiToken } from '../../shared/identity/api-tokens.js';
import type { Caller } from '../../shared/identity/caller.js';
import { loadOrganization } from '../../shared/orgs/organization.js';
import type { OrgName, TestApi, UserName } from './api-server.js';

/**
 * An API token minted as `npm run token` (scripts/token.ts) mints it: the roles are the
 * directory's word at minting, and no sign-in is recorded for the user.
 */
export async function scriptToken(api: TestApi, org: OrgName, user: UserName) {
  const accessToken = await api.accessToken(org, user);
  const connection = await api.app.ports.directory.connectionData(org, accessToken);
  if (!connection) throw new Error(`${user} is not a member of ${org}`);
  const caller: Caller = {
    orgId: connection.organization.id,
    orgName: connection.organization.name,
    user: { id: connection.authenticatedUser.id, name: connection.authenticatedUser.displayName, uniqueName: connection.authenticatedUser.uniqueName },
    roles: (await api.app.ports.directory.isCollectionAdmin(org, accessToken)) ? ['admin'] : [],
  };
  await loadOrganization(api.app.ports, caller.orgId, caller.orgName);
  return (await createApiToken(api.app.ports, caller, { name: 'cli', expiresInDays: 30 })).token;
}
