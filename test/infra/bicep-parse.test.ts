import { describe, expect, it } from 'vitest';
import { parseBicep, stripComments } from './support/bicep-parse.js';
import { entry, literal, textOf } from './support/infra-model.js';

describe('the Bicep reader', () => {
  it('reads_declarations_with_their_types_conditions_and_existing', () => {
    const declarations = parseBicep(`
@description('a param')
param location string
param sku string = 'FC1'
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv' }
module dns 'app/dns.bicep' = if (!empty(zone)) {
  name: 'dns'
}
output url string = 'https://\${location}'
`);
    expect(declarations.map((d) => [d.keyword, d.name, d.type, d.existing, d.condition ?? null])).toEqual([
      ['param', 'location', 'string', false, null],
      ['param', 'sku', 'string', false, null],
      ['resource', 'vault', 'Microsoft.KeyVault/vaults', true, null],
      ['module', 'dns', 'app/dns.bicep', false, '!empty(zone)'],
      ['output', 'url', 'string', false, null],
    ]);
    expect(literal(declarations[1]!.value)).toBe('FC1');
    expect(declarations[0]!.value).toBeUndefined();
  });

  it('reads_objects_on_one_line_or_many_with_quoted_keys_and_nested_values', () => {
    const [settings] = parseBicep(`var settings = {
  A: 'x' // a comment
  'azd-service-name': 'api'
  B: { c: [ 1, 2 ], d: true }
  E: cond ? [ { id: x.id } ] : []
  F: string(port)
}`);
    expect(literal(entry(settings!.value, 'A'))).toBe('x');
    expect(literal(entry(settings!.value, 'azd-service-name'))).toBe('api');
    expect(literal(entry(settings!.value, 'B', 'c'))).toEqual([1, 2]);
    expect(literal(entry(settings!.value, 'B', 'd'))).toBe(true);
    expect(textOf(entry(settings!.value, 'E'))).toBe('cond ? [ { id: x.id } ] : []');
    expect(textOf(entry(settings!.value, 'F'))).toBe('string(port)');
  });

  it('keeps_slashes_and_quotes_inside_strings_and_interpolations', () => {
    const [uri] = parseBicep("var uri = '@Microsoft.KeyVault(SecretUri=https://${vault}${environment().suffixes.keyvaultDns}/secrets/${concat('a', 'b')}/)' // gone");
    expect(uri!.value).toEqual({ kind: 'string', interpolated: true, value: "@Microsoft.KeyVault(SecretUri=https://${vault}${environment().suffixes.keyvaultDns}/secrets/${concat('a', 'b')}/)" });
    expect(stripComments("x = 'a // b' // c")).toBe("x = 'a // b' ");
  });

  it('reads_for_loops_with_their_variable_source_and_body', () => {
    const [queues] = parseBicep(`resource queues 'Microsoft.ServiceBus/namespaces/queues@2021-11-01' = [for name in queueNames: {
  name: name
  properties: { maxDeliveryCount: 10 }
}]`);
    expect(queues!.value?.kind).toBe('for');
    expect(queues!.value).toMatchObject({ variable: 'name', source: 'queueNames' });
    expect(literal(entry(queues!.value, 'properties', 'maxDeliveryCount'))).toBe(10);
  });
});
