import type { CodeFacts } from './code-facts.js';
import { entry, literal, textOf, type InfraModel, type Resolved } from './infra-model.js';
import { LITERAL_SECRET_PATTERNS, NOT_SET_IN_AZURE, PLATFORM_SETTINGS } from './infra-rules.js';
import { appIdentity, appSettings, deploymentSection, expand, rawAppSetting } from './infra-queries.js';

/** Every setting the code reads is set by main.bicep (or deliberately left), and nothing else is. */
export function checkSettings(model: InfraModel, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const settings = appSettings(model);
  const schemaNames = new Set(facts.settings.names);
  for (const name of facts.settings.names) {
    const reason = NOT_SET_IN_AZURE[name];
    if (reason && settings.has(name)) problems.push(`main.bicep sets ${name}, but ${reason}`);
    if (!reason && !settings.has(name)) problems.push(`${name} (shared/config/settings.ts) is not set by main.bicep; set it, or add it to NOT_SET_IN_AZURE with the reason`);
  }
  for (const name of Object.keys(NOT_SET_IN_AZURE)) {
    if (!schemaNames.has(name)) problems.push(`NOT_SET_IN_AZURE names ${name}, which shared/config/settings.ts no longer has`);
  }
  const connectionSettings = facts.triggerConnections.flatMap((c) => [`${c}__fullyQualifiedNamespace`, `${c}__credential`, `${c}__clientId`]);
  const known = new Set([...schemaNames, ...PLATFORM_SETTINGS, ...connectionSettings, ...facts.telemetrySettings]);
  for (const name of settings.keys()) {
    if (!known.has(name)) problems.push(`main.bicep sets ${name}, which neither the code nor the platform reads`);
  }
  for (const name of facts.settings.cloudRequired) {
    if (!settings.has(name)) problems.push(`${name} is required in the cloud (CLOUD_REQUIRED_SETTINGS) but main.bicep does not set it`);
  }
  for (const name of [...connectionSettings, ...facts.telemetrySettings, ...(facts.usesDefaultAzureCredential ? ['AZURE_CLIENT_ID'] : [])]) {
    if (!settings.has(name)) problems.push(`main.bicep does not set ${name}, which the code reads through its Azure connection or credential`);
  }
  for (const [name, resolved] of settings) {
    const value = literal(resolved.value);
    if (schemaNames.has(name) && typeof value === 'string' && !isInterpolated(resolved)) {
      const error = facts.settings.validate(name, value);
      if (error) problems.push(`main.bicep sets ${name} to '${value}', which shared/config/settings.ts rejects: ${error}`);
    }
  }
  return [...problems, ...checkIdentitySettings(model, settings, facts)];
}

/** The identity-based connections all name the app's identity and say managedidentity. */
function checkIdentitySettings(model: InfraModel, settings: Map<string, Resolved>, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const identity = appIdentity(model);
  const clientIdOutput = `${identity?.module ?? '?'}.outputs.clientId`;
  const clientIds = ['AZURE_CLIENT_ID', 'AzureWebJobsStorage__clientId', ...facts.triggerConnections.map((c) => `${c}__clientId`)];
  for (const name of clientIds.filter((n) => settings.has(n))) {
    if (!isIdentityProperty(model, settings.get(name), 'clientId')) problems.push(`${name} is not the app identity's client id (${clientIdOutput})`);
  }
  for (const name of ['AzureWebJobsStorage__credential', ...facts.triggerConnections.map((c) => `${c}__credential`)]) {
    if (literal(settings.get(name)?.value) !== 'managedidentity') problems.push(`${name} must be 'managedidentity'`);
  }
  const auth = textOf(rawAppSetting(model, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'));
  if (facts.telemetrySettings.includes('APPLICATIONINSIGHTS_AUTHENTICATION_STRING') && auth !== `Authorization=AAD;ClientId=\${${clientIdOutput}}`) {
    problems.push(`APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be 'Authorization=AAD;ClientId=\${${clientIdOutput}}' (identity-based ingestion), not '${auth}'`);
  }
  return problems;
}

/** Secrets only as Key Vault references into this deployment's vault; no literal credential anywhere. */
export function checkSecrets(model: InfraModel, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const settings = appSettings(model);
  const vaultName = expand(model, 'main.bicep', entry(model.find('main.bicep', 'keyVault')?.value, 'params', 'name'));
  const securedParams = [...model.sources.bicep['main.bicep']!.matchAll(/@secure\(\)\s*(?:@[^\n]*\n\s*)*param\s+(\w+)/g)].map((m) => m[1]!);
  for (const [name, resolved] of settings) {
    const text = expand(model, resolved.file, resolved.value);
    const reference = /^@Microsoft\.KeyVault\(SecretUri=https:\/\/(.+)\/secrets\/([\w-]+)\/?\)$/.exec(text);
    if (facts.settings.secrets.includes(name)) {
      if (!reference) problems.push(`${name} is a secret: its app setting must be a Key Vault reference, not ${text || '(empty)'}`);
      else if (!isVaultHost(reference[1]!, vaultName)) problems.push(`${name} references the vault at ${reference[1]}, not this deployment's (${vaultName})`);
      else if (!deploymentSection(model.sources.readme).includes(`\`${reference[2]}\``)) problems.push(`${name} reads the Key Vault secret ${reference[2]}, which README.md's Deployment section does not tell the operator to create`);
    } else if (!reference && LITERAL_SECRET_PATTERNS.some((p) => p.test(text))) {
      problems.push(`${name} looks like a literal credential ('${text.slice(0, 12)}…'): put it in Key Vault`);
    }
    if (securedParams.some((p) => new RegExp(`\\b${p}\\b`).test(textOf(rawAppSetting(model, name))))) {
      problems.push(`${name} is set from a @secure() parameter: the value would sit in the app settings`);
    }
  }
  for (const [file, text] of Object.entries(model.sources.bicep)) {
    if (/\blistKeys\(|\blistConnectionStrings\(|\.listKeys\(/.test(text)) problems.push(`${file} reads account keys (listKeys): every connection is by identity`);
  }
  const site = model.resources('Microsoft.Web/sites')[0];
  const kvIdentity = site && model.resolve(site.file, entry(site.declaration.value, 'properties', 'keyVaultReferenceIdentity'));
  if (!isIdentityProperty(model, kvIdentity, 'id')) problems.push('the function app must resolve Key Vault references as the app identity (keyVaultReferenceIdentity)');
  return problems;
}

/** The app's user-assigned identity's `properties.<name>` (or `.id`), wherever the value came from. */
export function isIdentityProperty(model: InfraModel, resolved: Resolved | undefined, property: 'clientId' | 'principalId' | 'id'): boolean {
  const identity = appIdentity(model);
  if (!identity || !resolved || resolved.file !== identity.file) return false;
  const expected = property === 'id' ? `${identity.resource}.id` : `${identity.resource}.properties.${property}`;
  return resolved.value.kind === 'expression' && resolved.value.text === expected;
}

/** `<vault>.vault.azure.net`, or `<vault>${environment().suffixes.keyvaultDns}` as written. */
function isVaultHost(host: string, vaultName: string) {
  return vaultName !== '' && host.startsWith(vaultName) && /^(\.|\$\{environment\(\))/.test(host.slice(vaultName.length));
}

function isInterpolated(resolved: Resolved) {
  return resolved.value.kind === 'string' && resolved.value.interpolated;
}
