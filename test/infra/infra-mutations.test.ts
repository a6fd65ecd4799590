import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/bundle-functions.js';
import { readCodeFacts, type CodeFacts } from './support/code-facts.js';
import { checkInfra } from './support/infra-check.js';
import { readInfraSources, type InfraSources } from './support/infra-model.js';

/**
 * The cross-check must fail when either side changes alone. Each test edits a copy of the
 * Bicep text (or of the facts read from the code) and expects the check to name the change.
 */
let sources: InfraSources;
let facts: CodeFacts;

beforeAll(() => {
  sources = readInfraSources(ROOT);
  facts = readCodeFacts();
});

/** A copy with one edit in one Bicep file; the edit must apply, or the test would prove nothing. */
function editBicep(file: string, from: string | RegExp, to: string): InfraSources {
  const text = sources.bicep[file]!;
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the edit ${String(from)} does not apply to ${file}`);
  return { ...sources, bicep: { ...sources.bicep, [file]: edited } };
}

/** Drops the resource that follows a comment line, up to its closing brace. */
const withoutResourceAfter = (file: string, comment: string) => editBicep(file, new RegExp(`// ${comment}.*\\n[\\s\\S]*?\\n}\\n`), '');

const problems = (infra: InfraSources, code: CodeFacts = facts) => checkInfra(infra, code).join('\n');

describe('settings', () => {
  it('fails_when_main_bicep_stops_setting_a_setting_the_code_reads', () => {
    expect(problems(editBicep('main.bicep', /^ {2}SESSION_SECRET: .*\n/m, ''))).toMatch(/SESSION_SECRET \(shared\/config\/settings.ts\) is not set by main.bicep/);
  });

  it('fails_when_the_code_reads_a_setting_main_bicep_does_not_set', () => {
    const code = { ...facts, settings: { ...facts.settings, names: [...facts.settings.names, 'AUDIT_LOG_URL'] } };
    expect(problems(sources, code)).toMatch(/AUDIT_LOG_URL .* is not set by main.bicep/);
  });

  it('fails_when_main_bicep_sets_a_setting_the_code_no_longer_reads', () => {
    const code = { ...facts, settings: { ...facts.settings, names: facts.settings.names.filter((n) => n !== 'BUY_NOW_URL'), cloudRequired: [] } };
    expect(problems(sources, code)).toMatch(/main.bicep sets BUY_NOW_URL, which neither the code nor the platform reads/);
  });

  it('fails_when_a_literal_value_is_one_the_settings_schema_rejects', () => {
    expect(problems(editBicep('main.bicep', "SMTP_SECURE: smtpSecure ? 'true' : 'false'", "SMTP_SECURE: 'yes'"))).toMatch(/SMTP_SECURE to 'yes', which shared\/config\/settings.ts rejects/);
  });

  it('fails_when_the_sdk_credential_does_not_know_the_app_identity', () => {
    expect(problems(editBicep('main.bicep', /^ {2}AZURE_CLIENT_ID: .*\n/m, ''))).toMatch(/does not set AZURE_CLIENT_ID/);
  });

  it('fails_when_the_service_bus_trigger_connection_is_not_identity_based', () => {
    expect(problems(editBicep('main.bicep', "SERVICEBUS__credential: 'managedidentity'", "SERVICEBUS__credential: 'connectionstring'"))).toMatch(/SERVICEBUS__credential must be 'managedidentity'/);
  });
});

describe('secrets', () => {
  it('fails_when_a_secret_is_a_literal_instead_of_a_key_vault_reference', () => {
    const infra = editBicep('main.bicep', /SESSION_SECRET: '@Microsoft[^\n]*/, "SESSION_SECRET: 'c2VjcmV0LXRoYXQtc2hvdWxkLW5ldmVyLWJlLWhlcmU'");
    expect(problems(infra)).toMatch(/SESSION_SECRET is a secret: its app setting must be a Key Vault reference/);
  });

  it('fails_when_a_secret_comes_from_a_secure_parameter', () => {
    const infra = editBicep('main.bicep', /SMTP_PASSWORD: '@Microsoft[^\n]*/, 'SMTP_PASSWORD: smtpPassword');
    const withParam = { ...infra, bicep: { ...infra.bicep, 'main.bicep': infra.bicep['main.bicep']!.replace('param smtpUser string', '@secure()\nparam smtpPassword string\nparam smtpUser string') } };
    expect(problems(withParam)).toMatch(/SMTP_PASSWORD is set from a @secure\(\) parameter/);
  });

  it('fails_when_a_reference_points_at_another_vault', () => {
    expect(problems(editBicep('main.bicep', 'SecretUri=${secretUriPrefix}/license-public-key/', 'SecretUri=https://elsewhere.vault.azure.net/secrets/license-public-key/'))).toMatch(/LICENSE_PUBLIC_KEY references the vault at elsewhere/);
  });

  it('fails_when_a_setting_holds_an_account_key', () => {
    expect(problems(editBicep('main.bicep', "AzureWebJobsStorage__credential: 'managedidentity'", "AzureWebJobsStorage__credential: 'managedidentity'\n  AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountKey=abc'"))).toMatch(/AzureWebJobsStorage looks like a literal credential/);
  });
});

describe('queues', () => {
  it('fails_when_a_queue_the_code_uses_is_not_declared', () => {
    expect(problems(editBicep('main.bicep', "[ 'activity-checks', 'email-notices', 'bulk-actions', 'work-item-updates' ]", "[ 'activity-checks', 'bulk-actions', 'work-item-updates' ]"))).toMatch(/queue 'email-notices' is used by the code but not declared/);
  });

  it('fails_when_infra_declares_a_queue_the_code_no_longer_uses', () => {
    const code = { ...facts, queues: { ...facts.queues, names: ['activity-checks', 'bulk-actions'], triggered: ['activity-checks', 'bulk-actions'] } };
    expect(problems(sources, code)).toMatch(/queue 'email-notices' is declared in infra .* but the code does not use it/);
  });

  it('fails_when_a_queue_property_is_not_what_the_code_expects', () => {
    expect(problems(editBicep('app/service-bus.bicep', "lockDuration: 'PT5M'", "lockDuration: 'PT1M'"))).toMatch(/lockDuration \(ms\) is 60000, the code expects 300000/);
    expect(problems(editBicep('app/service-bus.bicep', 'requiresDuplicateDetection: true', 'requiresDuplicateDetection: false'))).toMatch(/requiresDuplicateDetection is false/);
  });
});

describe('containers', () => {
  it('fails_when_a_container_the_code_uses_is_not_declared', () => {
    expect(problems(editBicep('main.bicep', "[ 'orgs', 'worklogs', 'subscriptions' ]", "[ 'orgs', 'worklogs' ]"))).toMatch(/container 'subscriptions' is used by the code but not declared/);
  });

  it('fails_when_infra_declares_a_container_the_code_no_longer_uses', () => {
    const code = { ...facts, containers: { ...facts.containers, names: ['orgs', 'worklogs'] } };
    expect(problems(sources, code)).toMatch(/container 'subscriptions' is declared in infra .* but the code does not use it/);
  });

  it('fails_when_the_partition_key_path_or_ttl_differs_from_the_code', () => {
    expect(problems(editBicep('main.bicep', "partitionKeyPath: '/pk'", "partitionKeyPath: '/id'"))).toMatch(/partitioned on \["\/id"\], the code writes '\/pk'/);
    expect(problems(editBicep('app/cosmos.bicep', 'defaultTtl: -1', 'defaultTtl: 3600'))).toMatch(/defaultTtl 3600; retention needs -1/);
  });
});

describe('roles', () => {
  it('fails_when_a_role_the_code_needs_is_not_assigned', () => {
    expect(problems(withoutResourceAfter('app/app-roles.bicep', 'Azure Service Bus Data Receiver'))).toMatch(/lacks Azure Service Bus Data Receiver/);
    expect(problems(withoutResourceAfter('app/app-roles.bicep', 'Cosmos DB Built-in Data Contributor'))).toMatch(/lacks Cosmos DB Built-in Data Contributor/);
  });

  it('fails_when_infra_assigns_a_role_the_code_no_longer_needs', () => {
    const roles = new Map(facts.roles);
    roles.delete('monitoringMetricsPublisher');
    expect(problems(sources, { ...facts, roles })).toMatch(/monitoringMetricsPublisher grants Monitoring Metrics Publisher, which the code does not need/);
  });

  it('fails_when_a_role_is_scoped_to_the_wrong_resource', () => {
    const infra = editBicep('app/app-roles.bicep', /(name: guid\(serviceBus\.id, appPrincipalId, '69a216fc[^\n]*\n\s*)scope: serviceBus/, '$1scope: keyVault');
    expect(problems(infra)).toMatch(/serviceBusDataSender must be scoped to a Microsoft.ServiceBus\/namespaces, not Microsoft.KeyVault\/vaults/);
  });

  it('fails_when_a_role_goes_to_another_principal', () => {
    expect(problems(editBicep('main.bicep', 'appPrincipalId: appIdentity.outputs.principalId', "appPrincipalId: '00000000-0000-0000-0000-000000000000'"))).toMatch(/the app identity lacks Key Vault Secrets User/);
  });
});

describe('deployment', () => {
  it('fails_when_package_json_main_is_not_the_bundle', () => {
    expect(problems(sources, { ...facts, packageMain: 'dist/functions/*.js' })).toMatch(/package.json main is dist\/functions\/\*.js/);
  });

  it('fails_when_funcignore_leaves_the_bundle_out', () => {
    expect(problems({ ...sources, funcignore: `${sources.funcignore}\n/dist/bundle/\n` })).toMatch(/.funcignore leaves dist\/bundle\/functions.js out/);
  });

  it('fails_when_the_runtime_is_older_than_package_json_allows', () => {
    expect(problems(sources, { ...facts, nodeMajor: 24 })).toMatch(/the runtime is Node 20, package.json needs 24/);
  });
});
