import type { RoleNeed } from './code-facts.js';

/**
 * What Azure itself needs to know, kept beside the checks: the code says what it needs,
 * this says how Azure spells it.
 */
export const ROLE_DEFINITIONS: Record<RoleNeed, { name: string; guid: string; assignmentType: string; scopeType: string }> = {
  cosmosDataContributor: {
    name: 'Cosmos DB Built-in Data Contributor',
    guid: '00000000-0000-0000-0000-000000000002',
    assignmentType: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    scopeType: 'Microsoft.DocumentDB/databaseAccounts',
  },
  serviceBusDataSender: {
    name: 'Azure Service Bus Data Sender',
    guid: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39',
    assignmentType: 'Microsoft.Authorization/roleAssignments',
    scopeType: 'Microsoft.ServiceBus/namespaces',
  },
  serviceBusDataReceiver: {
    name: 'Azure Service Bus Data Receiver',
    guid: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0',
    assignmentType: 'Microsoft.Authorization/roleAssignments',
    scopeType: 'Microsoft.ServiceBus/namespaces',
  },
  keyVaultSecretsUser: {
    name: 'Key Vault Secrets User',
    guid: '4633458b-17de-408a-b874-0445c86b69e6',
    assignmentType: 'Microsoft.Authorization/roleAssignments',
    scopeType: 'Microsoft.KeyVault/vaults',
  },
  monitoringMetricsPublisher: {
    name: 'Monitoring Metrics Publisher',
    guid: '3913510d-42f4-4e42-8a64-420c390055eb',
    assignmentType: 'Microsoft.Authorization/roleAssignments',
    scopeType: 'Microsoft.Insights/components',
  },
  storageBlobDataOwner: {
    name: 'Storage Blob Data Owner',
    guid: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
    assignmentType: 'Microsoft.Authorization/roleAssignments',
    scopeType: 'Microsoft.Storage/storageAccounts',
  },
};

/** Settings of shared/config/settings.ts that Azure deliberately does not set, and why. */
export const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'it is the local host\'s port',
  HOST: 'it is the interface the local host listens on',
  DATA_DIR: 'it is the embedded SQLite store\'s folder',
  COSMOS_KEY: 'Cosmos DB has local auth disabled: the app signs in with its identity',
  LOCAL_DEVOPS_SECRET: 'it signs tokens of the seeded local directory only',
  APP_TOKEN_ISSUER: 'the default is the Marketplace issuer',
  SESSION_MINUTES: 'the default (60) is the intended session length',
  RATE_LIMIT_PER_MINUTE: 'the default (600 requests per user per minute) is the intended limit',
};

/** App settings the platform reads (the Functions host, the Azure SDK credential), not Timehub's schema. */
export const PLATFORM_SETTINGS = [
  'AzureWebJobsStorage__accountName',
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'AZURE_CLIENT_ID',
];

/** A value that looks like a credential, if it ever were a literal in an app setting. */
export const LITERAL_SECRET_PATTERNS = [
  /AccountKey=/i,
  /SharedAccessKey=/i,
  /-----BEGIN/,
  /password=/i,
  /^[A-Za-z0-9+/_=-]{24,}$/,
];

export const ISO_DURATION_MS = (text: string) => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m) return NaN;
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  return (((d * 24 + h) * 60 + min) * 60 + s) * 1000;
};
