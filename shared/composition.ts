import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { CosmosDocumentStore } from './adapters/cosmos/cosmos-document-store.js';
import { LocalDevOpsDirectory } from './adapters/devops/local-devops-directory.js';
import { RestDevOpsDirectory, entraServiceToken } from './adapters/devops/rest-devops-directory.js';
import { SqliteDocumentStore } from './adapters/sqlite/sqlite-document-store.js';
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
    directory: overrides.directory ?? devOpsDirectory(settings),
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

async function documentStore(settings: Settings, clock: Clock): Promise<DocumentStore> {
  if (!settings.COSMOS_ENDPOINT) return new SqliteDocumentStore(sqliteFile(settings), clock);
  return CosmosDocumentStore.connect({ endpoint: settings.COSMOS_ENDPOINT, key: settings.COSMOS_KEY, database: settings.COSMOS_DATABASE });
}

function devOpsDirectory(settings: Settings): DevOpsDirectory {
  if (!settings.DEVOPS_BASE_URL) return new LocalDevOpsDirectory({ accessTokenSecret: settings.LOCAL_DEVOPS_SECRET });
  return new RestDevOpsDirectory({ baseUrl: settings.DEVOPS_BASE_URL, serviceToken: entraServiceToken(new DefaultAzureCredential()) });
}
