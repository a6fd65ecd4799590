import type { CodeFacts, RoleNeed } from './code-facts.js';
import { isIdentityProperty } from './check-settings.js';
import { entry, literal, textOf, type InfraModel, type Located } from './infra-model.js';
import { ISO_DURATION_MS, ROLE_DEFINITIONS } from './infra-rules.js';
import { appSettings, namesOf, propertyOf, resourceNamed } from './infra-queries.js';

const both = (what: string, code: string[], infra: string[], where: string) => [
  ...code.filter((n) => !infra.includes(n)).map((n) => `${what} '${n}' is used by the code but not declared in ${where}`),
  ...infra.filter((n) => !code.includes(n)).map((n) => `${what} '${n}' is declared in ${where} but the code does not use it`),
];

/** The database and each container the code uses, partitioned as the code writes, TTL on. */
export function checkContainers(model: InfraModel, facts: CodeFacts): string[] {
  const containers = model.resources('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
  const problems = both('Cosmos container', facts.containers.names, containers.flatMap((c) => namesOf(model, c)), 'infra (sqlDatabases/containers)');
  for (const container of containers) {
    const paths = partitionKeyPaths(model, container);
    if (JSON.stringify(paths) !== JSON.stringify([facts.containers.partitionKeyPath])) {
      problems.push(`container ${container.declaration.name} is partitioned on ${JSON.stringify(paths)}, the code writes '${facts.containers.partitionKeyPath}'`);
    }
    const ttl = literal(propertyOf(model, container, 'properties', 'resource', 'defaultTtl')?.value);
    if (ttl !== facts.containers.defaultTtl) problems.push(`container ${container.declaration.name} has defaultTtl ${String(ttl)}; retention needs ${facts.containers.defaultTtl} (TTL on, per document)`);
  }
  const databases = model.resources('Microsoft.DocumentDB/databaseAccounts/sqlDatabases').flatMap((d) => namesOf(model, d));
  const configured = literal(appSettings(model).get('COSMOS_DATABASE')?.value) ?? facts.settings.defaultOf('COSMOS_DATABASE');
  if (databases.length !== 1 || databases[0] !== configured) problems.push(`COSMOS_DATABASE is '${String(configured)}' but infra declares the database(s) ${JSON.stringify(databases)}`);
  for (const account of model.resources('Microsoft.DocumentDB/databaseAccounts')) {
    if (!textOf(propertyOf(model, account, 'properties', 'capabilities')?.value).includes('EnableServerless')) problems.push('the Cosmos DB account must be serverless (EnableServerless)');
    if (literal(propertyOf(model, account, 'properties', 'disableLocalAuth')?.value) !== true) problems.push('the Cosmos DB account must disable local auth');
  }
  return problems;
}

function partitionKeyPaths(model: InfraModel, container: Located): unknown {
  const resolved = propertyOf(model, container, 'properties', 'resource', 'partitionKey', 'paths');
  if (resolved?.value.kind !== 'array') return literal(resolved?.value);
  return resolved.value.items.map((item) => literal(model.resolve(resolved.file, item)?.value));
}

/** Every queue the code sends to or is triggered by, with the delivery rules the code assumes. */
export function checkQueues(model: InfraModel, facts: CodeFacts): string[] {
  const queues = model.resources('Microsoft.ServiceBus/namespaces/queues');
  const codeQueues = [...new Set([...facts.queues.names, ...facts.queues.triggered])];
  const problems = both('Service Bus queue', codeQueues, queues.flatMap((q) => namesOf(model, q)), 'infra (namespaces/queues)');
  for (const queue of queues) {
    const prop = (name: string) => literal(propertyOf(model, queue, 'properties', name)?.value);
    const expect = (name: string, actual: unknown, wanted: unknown) => {
      if (actual !== wanted) problems.push(`queue ${queue.declaration.name}: ${name} is ${String(actual)}, the code expects ${String(wanted)}`);
    };
    expect('maxDeliveryCount', prop('maxDeliveryCount'), facts.queues.maxDeliveryCount);
    expect('lockDuration (ms)', ISO_DURATION_MS(String(prop('lockDuration'))), facts.queues.lockMs);
    expect('requiresDuplicateDetection', prop('requiresDuplicateDetection'), true);
    expect('duplicateDetectionHistoryTimeWindow (ms)', ISO_DURATION_MS(String(prop('duplicateDetectionHistoryTimeWindow'))), facts.queues.duplicateWindowMs);
    expect('deadLetteringOnMessageExpiration', prop('deadLetteringOnMessageExpiration'), true);
  }
  for (const namespace of model.resources('Microsoft.ServiceBus/namespaces')) {
    if (literal(propertyOf(model, namespace, 'sku', 'name')?.value) !== 'Standard') problems.push('the Service Bus namespace must be Standard (scheduled messages, duplicate detection)');
    if (literal(propertyOf(model, namespace, 'properties', 'disableLocalAuth')?.value) !== true) problems.push('the Service Bus namespace must disable local auth');
  }
  return problems;
}

/** The app identity holds exactly the roles the code needs, each on a resource of the right type. */
export function checkRoles(model: InfraModel, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const granted = new Map<RoleNeed, string>();
  const assignmentTypes = [...new Set(Object.values(ROLE_DEFINITIONS).map((r) => r.assignmentType))];
  for (const assignment of assignmentTypes.flatMap((type) => model.resources(type))) {
    const { file, declaration } = assignment;
    if (!isIdentityProperty(model, propertyOf(model, assignment, 'properties', 'principalId'), 'principalId')) continue;
    const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(textOf(entry(declaration.value, 'properties', 'roleDefinitionId')))?.[0];
    const role = (Object.keys(ROLE_DEFINITIONS) as RoleNeed[]).find((r) => ROLE_DEFINITIONS[r].guid === guid && ROLE_DEFINITIONS[r].assignmentType === declaration.type);
    if (!role) {
      problems.push(`${file}: ${declaration.name} grants the app role ${guid ?? '(unreadable)'}, which no code needs`);
      continue;
    }
    const scope = resourceNamed(model, file, entry(declaration.value, declaration.type.endsWith('sqlRoleAssignments') ? 'parent' : 'scope'));
    if (scope?.type !== ROLE_DEFINITIONS[role].scopeType) problems.push(`${file}: ${declaration.name} must be scoped to a ${ROLE_DEFINITIONS[role].scopeType}, not ${scope?.type ?? textOf(entry(declaration.value, 'scope'))}`);
    granted.set(role, declaration.name);
  }
  for (const [role, why] of facts.roles) {
    if (!granted.has(role)) problems.push(`the app identity lacks ${ROLE_DEFINITIONS[role].name} (${ROLE_DEFINITIONS[role].guid}): ${why}`);
  }
  for (const [role, name] of granted) {
    if (!facts.roles.has(role)) problems.push(`${name} grants ${ROLE_DEFINITIONS[role].name}, which the code does not need`);
  }
  return problems;
}
