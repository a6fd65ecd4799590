import { parseArgs } from 'node:util';
import { issueLocalAccessToken } from '../shared/adapters/devops/local-access-token.js';
import { newApiTokenBody } from '../shared/contracts/identity.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings, SettingsError } from '../shared/config/settings.js';
import type { Caller } from '../shared/identity/caller.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import { loadOrganization } from '../shared/orgs/organization.js';

const usage = 'usage: npm run token -- --org <fabrikam|contoso> --user <alice|bob|carol> [--days 30] [--name "my script"]';

/** Mints a personal API token on the local instance. The token is the last line printed. */
async function main() {
  const { values } = parseArgs({
    options: { org: { type: 'string' }, user: { type: 'string' }, days: { type: 'string', default: '30' }, name: { type: 'string' } },
  });
  if (!values.org || !values.user) throw new Error(usage);
  const settings = loadSettings();
  if (settings.DEVOPS_BASE_URL) throw new Error('npm run token mints tokens for the local directory only');
  const app = await composeApp(settings);
  try {
    // Sign in as the local directory would let the user: the production path, with local keys.
    const accessToken = await issueLocalAccessToken(settings.LOCAL_DEVOPS_SECRET, values.org, values.user);
    const connection = await app.ports.directory.connectionData(values.org, accessToken);
    if (!connection) throw new Error(`${values.user} is not a member of ${values.org}`);
    const caller: Caller = {
      orgId: connection.organization.id,
      orgName: connection.organization.name,
      user: { id: connection.authenticatedUser.id, name: connection.authenticatedUser.displayName, uniqueName: connection.authenticatedUser.uniqueName },
      roles: (await app.ports.directory.isCollectionAdmin(values.org, accessToken)) ? ['admin'] : [],
    };
    await loadOrganization(app.ports, caller.orgId, caller.orgName);
    const input = newApiTokenBody.safeParse({ name: values.name ?? `cli ${new Date().toISOString()}`, expiresInDays: Number(values.days) });
    if (!input.success) throw new Error(`${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${usage}`);
    const created = await createApiToken(app.ports, caller, input.data);
    console.log(`API token for ${caller.user.name} in ${caller.orgName}, expires ${created.expiresTimestamp}:`);
    console.log(created.token);
  } finally {
    await app.ports.store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError || error instanceof Error ? error.message : error);
  process.exit(1);
});
