import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { issueLocalAccessToken } from '../shared/adapters/devops/local-access-token.js';
import { newApiTokenBody } from '../shared/contracts/identity.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings, SettingsError } from '../shared/config/settings.js';
import type { Caller } from '../shared/identity/caller.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import { loadOrganization } from '../shared/orgs/organization.js';
import { runningLocalServers } from './local-servers.js';
import { exitOnHelp } from './usage.js';

const usage = `usage: npm run token -- --org <fabrikam|contoso> --user <alice|bob|carol> [--days 30] [--name "my script"]

Mints a personal API token for the local server you mean; the token is the last line printed.
With DATA_DIR set, it is minted into that data folder. Else it goes to the running \`npm start\`
server (the one on PORT, when set, among several); with none running, into ./.data.`;

/** Mints a personal API token on the local instance. The token is the last line printed. */
async function main() {
  const { values } = parseArgs({
    options: { org: { type: 'string' }, user: { type: 'string' }, days: { type: 'string', default: '30' }, name: { type: 'string' } },
  });
  if (!values.org || !values.user) throw new Error(usage);
  const target = await mintTarget(process.env);
  if (target.dataDir) process.env.DATA_DIR = target.dataDir;
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
    console.error(target.note);
    console.log(`API token for ${caller.user.name} in ${caller.orgName}, expires ${created.expiresTimestamp}:`);
    console.log(created.token);
  } finally {
    await app.ports.store.close();
  }
}

/**
 * The data folder the user means: DATA_DIR when set; else that of the running local server
 * (on PORT among several); else the default. The note says which, so a 401 can be explained.
 */
async function mintTarget(env: NodeJS.ProcessEnv): Promise<{ dataDir?: string; note: string }> {
  if (env.COSMOS_ENDPOINT) return { note: `Minted into Cosmos DB at ${env.COSMOS_ENDPOINT}.` };
  if (env.DATA_DIR) return { note: `Minted into DATA_DIR=${resolve(env.DATA_DIR)}: valid for a server started with that DATA_DIR.` };
  const running = await runningLocalServers(env);
  const onPort = env.PORT ? running.filter((server) => String(server.port) === env.PORT) : running;
  const listed = running.map((server) => `port ${server.port} (DATA_DIR=${server.dataDir})`).join(', ');
  if (onPort.length === 1) {
    const [server] = onPort as [(typeof running)[number]];
    return { dataDir: server.dataDir, note: `Minted for the server on port ${server.port}, DATA_DIR=${server.dataDir}.` };
  }
  if (onPort.length > 1) throw new Error(`several local servers run: ${listed}. Set PORT=<port> (or DATA_DIR) to choose one.`);
  const fallback = resolve('.data');
  const why = env.PORT ? `No local server answers on port ${env.PORT}${running.length ? ` (running: ${listed})` : ''}` : 'No local server is running';
  return { note: `${why}: minted into DATA_DIR=${fallback}, valid for a server started on that folder.` };
}

exitOnHelp(usage);
main().catch((error: unknown) => {
  console.error(error instanceof SettingsError || error instanceof Error ? error.message : error);
  process.exit(1);
});
