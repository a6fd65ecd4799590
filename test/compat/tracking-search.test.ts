import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §3: `POST search` (a bare work item id) and `POST searchByQuery` (`{"query"}`). */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

const T = '/tracking/client';
const fiberPortal = {
  groupName: 'Epic',
  workItem: {
    id: 1, title: 'Fiber customer self-service portal', type: 'Epic', state: 'Active',
    color: null, teamProject: null, effort: null, parent: null,
    workItemLink: 'https://dev.azure.com/fabrikam/_workitems/edit/1',
  },
};

describe('search', () => {
  it('finds the work item whose id is the raw JSON body, in 7pace\'s {query, workItems, count}', async () => {
    const res = await w.bob('POST', `${T}/search?api-version=3.2`, '1');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ query: '1', workItems: [fiberPortal], count: 1 });
    // api-version 2.1 answers bare, as T1's client reads it.
    expect((await w.bob('POST', `${T}/search?api-version=2.1`, '"1"')).body).toMatchObject({ query: '1', count: 1 });
  });

  it('answers an empty list for an id that does not exist, and 400 for a body that is not an id', async () => {
    expect((await w.bob('POST', `${T}/search`, '999999')).body.data).toEqual({ query: '999999', workItems: [], count: 0 });
    const res = await w.bob('POST', `${T}/search`, { query: 'Testing workitem' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ statusCode: 400 });
  });
});

describe('searchByQuery', () => {
  it('finds work items named by id in the query (1, #1, several), with any key casing', async () => {
    expect((await w.bob('POST', `${T}/searchByQuery?api-version=3.2`, { query: '#1' })).body.data).toEqual({ query: '#1', workItems: [fiberPortal], count: 1 });
    const several = await w.bob('POST', `${T}/searchByQuery`, { Query: '1, 2 999999' });
    expect(several.body.data).toMatchObject({ count: 2, workItems: [{ workItem: { id: 1 } }, { groupName: 'Feature', workItem: { id: 2 } }] });
  });

  it('answers an empty result for text it cannot search yet, and 400 without a query', async () => {
    expect((await w.bob('POST', `${T}/searchByQuery`, { query: 'Testing workitem' })).body.data).toEqual({ query: 'Testing workitem', workItems: [], count: 0 });
    expect((await w.bob('POST', `${T}/searchByQuery`, {})).status).toBe(400);
  });
});
