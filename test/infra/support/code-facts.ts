import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { ZodType } from 'zod';
import { DEFAULT_QUEUE_POLICY } from '../../../shared/adapters/local-queue/queue-policy.js';
import { CLOUD_REQUIRED_SETTINGS, schema } from '../../../shared/config/settings.js';
import { QUEUE_NAMES } from '../../../shared/ports/message-queue.js';
import { queueHandlers } from '../../../shared/queue/queue-handlers.js';
import { BUNDLE_DIR, BUNDLE_ENTRY, ROOT } from '../../../scripts/bundle-functions.js';

/** The roles the app's identity may need; which ones it does need comes from the code. */
export type RoleNeed = 'cosmosDataContributor' | 'serviceBusDataSender' | 'serviceBusDataReceiver' | 'keyVaultSecretsUser' | 'monitoringMetricsPublisher' | 'storageBlobDataOwner';

/** What the infra must match, read from the code each time the test runs (never copied). */
export interface CodeFacts {
  settings: { names: string[]; cloudRequired: string[]; secrets: string[]; validate: (name: string, value: string) => string | undefined; defaultOf: (name: string) => unknown };
  /** Settings read outside the schema: the telemetry module's. */
  telemetrySettings: string[];
  usesDefaultAzureCredential: boolean;
  containers: { names: string[]; partitionKeyPath: string; defaultTtl: number };
  queues: { names: string[]; triggered: string[]; maxDeliveryCount: number; lockMs: number; duplicateWindowMs: number };
  /** Connection names of the Service Bus triggers in functions/ (identity-based app settings). */
  triggerConnections: string[];
  roles: Map<RoleNeed, string>;
  packageMain: string;
  nodeMajor: number;
  /** host.json's HTTP route prefix: Front Door must forward it. */
  routePrefix: string;
}

const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const strings = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);

export function readCodeFacts(): CodeFacts {
  const cosmos = source('shared/adapters/cosmos/cosmos-document-store.ts');
  const serviceBus = source('shared/adapters/servicebus/service-bus-queue.ts');
  const telemetry = source('shared/telemetry/start-telemetry.ts');
  const functions = readdirSync(join(ROOT, 'functions')).filter((n) => n.endsWith('.ts')).map((n) => source(`functions/${n}`)).join('\n');
  const sharedCode = listTs(join(ROOT, 'shared')).map((path) => readFileSync(path, 'utf8')).join('\n');
  const pkg = JSON.parse(source('package.json')) as { main: string; engines: { node: string } };

  const names = Object.keys(schema.shape);
  const shape: Record<string, ZodType> = schema.shape;
  const telemetrySettings = [...new Set([...telemetry.matchAll(/env\.(APPLICATIONINSIGHTS_\w+)/g)].map((m) => m[1]!))];

  const roles = new Map<RoleNeed, string>();
  if (/aadCredentials/.test(cosmos)) roles.set('cosmosDataContributor', 'the Cosmos adapter signs in with Entra ID (aadCredentials)');
  if (/createSender\(/.test(serviceBus)) roles.set('serviceBusDataSender', 'the Service Bus adapter sends, schedules and cancels');
  if (/serviceBusQueue\(/.test(functions) || /createReceiver\(/.test(serviceBus)) roles.set('serviceBusDataReceiver', 'functions/ registers Service Bus triggers; the adapter peeks dead letters');
  if (CLOUD_REQUIRED_SETTINGS.some((name) => isSecret(name))) roles.set('keyVaultSecretsUser', 'cloud-required secrets come from Key Vault references');
  if (telemetrySettings.includes('APPLICATIONINSIGHTS_AUTHENTICATION_STRING')) roles.set('monitoringMetricsPublisher', 'start-telemetry.ts sends telemetry with the managed identity');
  if (/azure\.app\.\w+\(/.test(functions)) roles.set('storageBlobDataOwner', 'the Functions host (AzureWebJobsStorage) and its deployment container, by identity');

  return {
    settings: {
      names,
      cloudRequired: [...CLOUD_REQUIRED_SETTINGS],
      secrets: names.filter(isSecret),
      validate: (name, value) => {
        const result = shape[name]?.safeParse(value);
        return result?.error ? result.error.issues.map((i) => i.message).join('; ') : undefined;
      },
      defaultOf: (name) => shape[name]?.safeParse(undefined).data,
    },
    telemetrySettings,
    usesDefaultAzureCredential: /new DefaultAzureCredential\(/.test(sharedCode),
    containers: {
      names: [...new Set([...unionMembers('shared/ports/document-store.ts', 'ContainerName'), ...strings(/CONTAINERS[^=]*=\s*\[([^\]]*)\]/.exec(cosmos)?.[1] ?? '')])],
      partitionKeyPath: /partitionKey:\s*\{\s*paths:\s*\[\s*'([^']+)'/.exec(cosmos)?.[1] ?? '(not found in the Cosmos adapter)',
      defaultTtl: Number(/defaultTtl:\s*(-?\d+)/.exec(cosmos)?.[1]),
    },
    queues: {
      names: [...QUEUE_NAMES],
      triggered: [...new Set(queueHandlers.map((h) => h.queue))],
      maxDeliveryCount: DEFAULT_QUEUE_POLICY.maxDeliveryCount,
      lockMs: DEFAULT_QUEUE_POLICY.lockMs,
      duplicateWindowMs: DEFAULT_QUEUE_POLICY.duplicateWindowMs,
    },
    triggerConnections: [...new Set([...functions.matchAll(/connection:\s*'([^']+)'/g)].map((m) => m[1]!))],
    roles,
    packageMain: pkg.main,
    nodeMajor: Number(/(\d+)/.exec(pkg.engines.node)?.[1]),
    routePrefix: (JSON.parse(source('host.json')) as { extensions?: { http?: { routePrefix?: string } } }).extensions?.http?.routePrefix ?? 'api',
  };
}

/** Where the bundle script writes the entry the host must load (package.json `main`). */
export const bundleEntryPath = () => relative(ROOT, join(BUNDLE_DIR, BUNDLE_ENTRY));

function isSecret(name: string) {
  return /SECRET|PASSWORD|PRIVATE|_KEY$/.test(name);
}

/** The string literal members of a type alias, as the TypeScript checker sees them. */
function unionMembers(file: string, typeName: string): string[] {
  const path = join(ROOT, file);
  const program = ts.createProgram([path], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, strict: true, skipLibCheck: true, types: [] });
  const alias = program.getSourceFile(path)?.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName);
  if (!alias) return [];
  const type = program.getTypeChecker().getTypeAtLocation(alias.name);
  return (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listTs(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
