import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { LOCAL_SECRETS, loadSettings, type Settings } from './config/settings.js';
import type { BillingSettings } from './billing/billing-settings.js';
import { outboxDispatchingStore } from './automation/outbox-dispatching-store.js';
import { AccessCache } from './http/access-cache.js';
import { RateLimiter } from './http/rate-limit.js';
import type { AppContext } from './http/route.js';
import { readProductVersion } from './orgs/about.js';
import { queueHandlers, type WorkerContext } from './queue/queue-handlers.js';
import type { AuthSettings } from './identity/auth-settings.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { DevOpsDirectory, DocumentStore, Mailer, MessageQueue, Ports } from './ports/index.js';
import type { DeliveredMessage } from './ports/message-queue.js';
import { upgradingDocumentStore } from './upgrades/upgrading-document-store.js';

/** The composition root: picks one adapter per port from the settings. */
export async function composeApp(settings: Settings, overrides: Partial<Ports> = {}): Promise<AppContext> {
  const clock: Clock = overrides.clock ?? systemClock;
  // Readers upgrade older documents, whichever store runs (DESIGN.md, data rules). Every write
  // goes through the access cache's store, so that this instance forgets a changed role at once.
  const queue = overrides.queue ?? (await messageQueue(settings, clock));
  // A ledger commit that moves time on work items is sent on to the queue once it holds.
  const stored = outboxDispatchingStore(upgradingDocumentStore(overrides.store ?? (await documentStore(settings, clock))), queue);
  const accessCache = new AccessCache(stored, clock);
  const ports: Ports = {
    clock,
    store: accessCache.store,
    directory: overrides.directory ?? (await devOpsDirectory(settings)),
    queue,
    mailer: overrides.mailer ?? (await mailer(settings)),
    newId: overrides.newId ?? randomUUID,
  };
  return {
    ports, accessCache, auth: authSettings(settings), publicHostSuffix: settings.PUBLIC_HOST_SUFFIX,
    billing: billingSettings(settings), about: { version: readProductVersion(), build: settings.BUILD_ID },
    ...(settings.RATE_LIMIT_PER_MINUTE > 0 && { rateLimiter: new RateLimiter(ports.store, clock, settings.RATE_LIMIT_PER_MINUTE) }),
  };
}

export function billingSettings(settings: Settings): BillingSettings {
  return { buyNowUrl: settings.BUY_NOW_URL, webhookSecret: settings.BILLING_WEBHOOK_SECRET, licensePublicKeyPem: settings.LICENSE_PUBLIC_KEY };
}

export function authSettings(settings: Settings): AuthSettings {
  return {
    appTokenSecret: settings.APP_TOKEN_SECRET ?? LOCAL_SECRETS.appToken,
    appTokenIssuer: settings.APP_TOKEN_ISSUER,
    appTokenAudiences: settings.APP_TOKEN_AUDIENCES,
    sessionSecret: settings.SESSION_SECRET ?? LOCAL_SECRETS.session,
    sessionSeconds: settings.SESSION_MINUTES * 60,
    ...(!settings.COSMOS_ENDPOINT && {
      apiTokenFolderHint: `this server keeps its API tokens in the data folder ${resolve(settings.DATA_DIR)}, and a token minted into another DATA_DIR is unknown here (npm run token mints for the running server)`,
    }),
  };
}

export function documentStoreKind(settings: Settings) {
  return settings.COSMOS_ENDPOINT ? `Cosmos DB at ${settings.COSMOS_ENDPOINT}` : `SQLite in ${sqliteFile(settings)}`;
}

export const appBaseUrl = (settings: Settings) => settings.APP_BASE_URL ?? `http://localhost:${settings.PORT}`;
export const outboxFolder = (settings: Settings) => join(settings.DATA_DIR, 'outbox');

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
  const { ClientAssertionCredential, DefaultAzureCredential } = await import('@azure/identity');
  const managedIdentity = new DefaultAzureCredential();
  const appClientId = settings.DEVOPS_APP_CLIENT_ID;
  if (!appClientId) return new RestDevOpsDirectory({ baseUrl: settings.DEVOPS_BASE_URL, serviceToken: entraServiceToken(managedIdentity) });
  // The multitenant app in each customer's tenant, proven by the managed identity (federated credential): no secret, no PAT.
  const { tenantServiceToken } = await import('./adapters/devops/tenant-service-token.js');
  const assertion = async () => (await managedIdentity.getToken('api://AzureADTokenExchange/.default')).token;
  const serviceToken = tenantServiceToken({ baseUrl: settings.DEVOPS_BASE_URL, credentialFor: (tenantId) => new ClientAssertionCredential(tenantId, appClientId, assertion) });
  return new RestDevOpsDirectory({ baseUrl: settings.DEVOPS_BASE_URL, serviceToken });
}

async function messageQueue(settings: Settings, clock: Clock): Promise<MessageQueue> {
  const namespace = settings.SERVICEBUS__fullyQualifiedNamespace;
  if (!namespace) {
    const { SqliteMessageQueue } = await import('./adapters/local-queue/sqlite-message-queue.js');
    return new SqliteMessageQueue(sqliteFile(settings), clock);
  }
  const { ServiceBusMessageQueue } = await import('./adapters/servicebus/service-bus-queue.js');
  return ServiceBusMessageQueue.connect({ fullyQualifiedNamespace: namespace });
}

async function mailer(settings: Settings): Promise<Mailer> {
  if (!settings.SMTP_HOST) {
    const { OutboxMailer } = await import('./adapters/outbox/outbox-mailer.js');
    return new OutboxMailer(outboxFolder(settings), settings.SMTP_FROM);
  }
  const { SmtpMailer } = await import('./adapters/smtp/smtp-mailer.js');
  return new SmtpMailer({
    host: settings.SMTP_HOST, port: settings.SMTP_PORT, secure: settings.SMTP_SECURE,
    user: settings.SMTP_USER, password: settings.SMTP_PASSWORD, from: settings.SMTP_FROM,
  });
}

/** The embedded queue's worker, when the embedded queue runs (Azure drains Service Bus itself). */
export async function composeWorker(app: AppContext, settings: Settings, log: (line: string) => void) {
  const { SqliteMessageQueue } = await import('./adapters/local-queue/sqlite-message-queue.js');
  if (!(app.ports.queue instanceof SqliteMessageQueue)) return undefined;
  const { LocalQueueWorker } = await import('./adapters/local-queue/local-queue-worker.js');
  const context: WorkerContext = { ports: app.ports, appBaseUrl: appBaseUrl(settings) };
  const handlers = queueHandlers.map((h) => ({ queue: h.queue, handle: (m: DeliveredMessage) => h.handle(context, m) }));
  return new LocalQueueWorker(app.ports.queue, app.ports.clock, handlers, { pollMs: 1000, log });
}

/** What queue handlers get in Azure, where the Functions host drains Service Bus. */
let processWide: Promise<AppContext> | undefined;

/** One app per Functions process, shared by the HTTP and queue triggers; a failed start is retried. */
export function appForProcess(): Promise<AppContext> {
  processWide ??= composeApp(loadSettings()).catch((error: unknown) => {
    processWide = undefined;
    throw error;
  });
  return processWide;
}

export async function workerContextForProcess(): Promise<WorkerContext> {
  return { ports: (await appForProcess()).ports, appBaseUrl: appBaseUrl(loadSettings()) };
}
