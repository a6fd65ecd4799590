import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNQUERIED_PATHS } from '../../shared/adapters/cosmos/cosmos-document-store.js';

describe('the Cosmos indexing policy', () => {
  it('leaves the same unqueried paths out of the index in the Bicep as the adapter does when it creates a container', () => {
    const bicep = readFileSync(new URL('../../infra/app/cosmos.bicep', import.meta.url), 'utf8');
    const excluded = /excludedPaths: \[(.*)\]/.exec(bicep)?.[1] ?? '';
    const paths = [...excluded.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);
    expect(paths).toEqual(UNQUERIED_PATHS);
    expect(paths).toEqual(expect.arrayContaining(['/cells/*', '/totals/*']));
  });
});
