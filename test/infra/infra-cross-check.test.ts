import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/bundle-functions.js';
import { readCodeFacts } from './support/code-facts.js';
import { checkInfra } from './support/infra-check.js';
import { readInfraSources } from './support/infra-model.js';

describe('infra/ against the code', () => {
  it('infra_matches_the_code_settings_queues_containers_roles_and_secrets', () => {
    expect(checkInfra(readInfraSources(ROOT), readCodeFacts())).toEqual([]);
  });
});
