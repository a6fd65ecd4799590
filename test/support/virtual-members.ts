import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { createApiToken } from '../../shared/identity/api-tokens.js';
import { registerSession } from '../../shared/orgs/register-session.js';
import { client, type OrgName, type TestApi } from './api-server.js';

/**
 * More users than the seed has: each signs in as a session would (the org records them)
 * and gets a personal API token. For seat counting with many first-time users.
 */
export async function virtualMembers(api: TestApi, org: OrgName, count: number, prefix = 'virtual') {
  const seeded = findSeedOrganization(org);
  if (!seeded) throw new Error(`no seeded org ${org}`);
  const members = [];
  for (let i = 0; i < count; i++) {
    const user = { id: `${prefix}-${i}`, name: `Virtual User ${i}`, uniqueName: `${prefix}${i}@${org}.example` };
    await registerSession(api.app.ports, { id: seeded.id, name: seeded.name }, user, false);
    const created = await createApiToken(api.app.ports, { orgId: seeded.id, orgName: seeded.name, user, roles: [] }, { name: 'test', expiresInDays: 365 });
    members.push({ user, token: created.token, call: client(api, created.token) });
  }
  return members;
}
