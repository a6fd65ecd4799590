import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LOCAL_SECRETS, type Settings } from './config/settings.js';
import type { AppContext } from './http/route.js';
import type { AuthSettings } from './identity/auth-settings.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { DevOpsDirectory, DocumentStore, Ports } from './ports/index.js';

/** The composition root: picks one adapter per port from the settings. */
export async function composeApp(settings: Settings, overrides: Partial<Ports> = {}): Promise<AppContext> {
  const clock: Clock = overrides.clock ?? systemClock;
  const ports: Ports = {
    clock,
    store: overrides.store ?? (await documentStore(settings, clock)),
    directory: overrides.directory ?? (await devOpsDirectory(settings)),
    newId: overrides.newId ?? randomUUID,
  };
  return { ports, auth: authSettings(settings), publicHostSuffix: settings.PUBLIC_HOST_SUFFIX };
}

export function authSettings(settings: Settings): AuthSettings {
  return {
    appTokenSecret: settings.APP_TOKEN_SECRET ?? LOCAL_SECRETS.appToken,
    appTokenIssuer: settings.APP_TOKEN_ISSUER,
    appTokenAudiences: settings.APP_TOKEN_AUDIENCES,
    sessionSecret: settings.SESSION_SECRET ?? LOCAL_SECRETS.session,
    sessionSeconds: settings.SESSION_MINUTES * 60,
  };
}

export function documentStoreKind(settings: Settings) {
  return settings.COSMOS_ENDPOINT ? `Cosmos DB at ${settings.COSMOS_ENDPOINT}` : `SQLite in ${sqliteFile(settings)}`;
}

const sqliteFile = (settings: Settings) => join(settings.DATA_DIR, 'timehub.sqlite');

// Adapters load on demand: the cloud never loads SQLite, the local host never loads Azure SDKs.
async function documentStore(settings: Settings, clock: Clock): Promise<DocumentStore> {
  if (!settings.COSMOS_ENDPOINT) {
    const { SqliteDocumentStore } = await import('./adapters/sqlite/sqlite-document-store.js');
    return new SqliteDocumentStore(sqliteFile(settings), clock);
  }
  const { CosmosDocumentStore } = await import('./adapters/cosmos/cosmos-document-store.js');
  return CosmosDocumentStore.connect({ endpoint: settings.COSMOS_ENDPOINT, key: settings.COSMOS_KEY, database: settings.COSMOS_DATABASE });
}

async function devOpsDirectory(settings: Settings): Promise<DevOpsDirectory> {
  if (!settings.DEVOPS_BASE_URL) {
    const { LocalDevOpsDirectory } = await import('./adapters/devops/local-devops-directory.js');
    return new LocalDevOpsDirectory({ accessTokenSecret: settings.LOCAL_DEVOPS_SECRET });
  }
  const { RestDevOpsDirectory, entraServiceToken } = await import('./adapters/devops/rest-devops-directory.js');
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new RestDevOpsDirectory({ baseUrl: settings.DEVOPS_BASE_URL, serviceToken: entraServiceToken(new DefaultAzureCredential()) });
}
