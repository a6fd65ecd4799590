import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILTER_WORK_ITEMS } from '../../shared/contracts/worklogs.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { Condition } from '../../shared/ports/document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

describe('the SQLite store keeps its prepared statements bounded', () => {
  let store: SqliteDocumentStore;
  afterEach(() => store.close());

  it('answers thousands of distinct `in` lists with one statement for the shape', async () => {
    store = new SqliteDocumentStore(':memory:', new MutableClock(T0));
    for (const n of [2, 500, 2999]) await store.create('worklogs', { id: `d${n}`, pk: 'p', type: 'item', schemaVersion: 1, n });
    const inList = (value: number[]): Condition[] => [{ field: 'n', op: 'in', value }];
    await store.query('worklogs', { partition: { pk: 'p' }, where: inList([1]) });
    const afterOne = store.cachedStatements;
    for (let length = 1; length <= 3000; length++) {
      const found = await store.query('worklogs', { partition: { pk: 'p' }, where: inList(range(length)) });
      expect(found.length).toBe([2, 500, 2999].filter((n) => n <= length).length);
    }
    expect(store.cachedStatements).toBe(afterOne);
  });

  it('evicts the least recently used statement when query shapes keep changing', async () => {
    store = new SqliteDocumentStore(':memory:', new MutableClock(T0));
    for (const i of range(3000)) {
      await store.query('worklogs', { partition: { pk: 'p' }, where: [{ field: `f${i}`, op: '=', value: i }] });
    }
    expect(store.cachedStatements).toBeLessThanOrEqual(256);
    expect(await store.query('worklogs', { partition: { pk: 'p' } })).toEqual([]);
  });
});

describe('GET /api/rest/workLogs?$workItemIds=… of every length', () => {
  let api: TestApi;
  afterEach(() => api.close());

  it('leaves the statement cache as it was after the first list', async () => {
    const clock = new MutableClock(T0);
    const store = new SqliteDocumentStore(':memory:', clock);
    api = await startTestApi({ clock, store });
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/rest/workLogs', aWorklog({ workItemId: 3 }))).status).toBe(201);
    const list = async (n: number) => (await bob('GET', `/rest/workLogs?$workItemIds=${range(n).join(',')}`)).body.data as unknown[];
    expect(await list(1)).toHaveLength(0);
    const afterOne = store.cachedStatements;
    // 7pace's limit is 100 ids (FilterWorkItemIdsCountExceeded); longer lists reach the store only from other paths, tested above.
    for (let n = 2; n <= MAX_FILTER_WORK_ITEMS; n++) expect(await list(n)).toHaveLength(n >= 3 ? 1 : 0);
    expect(store.cachedStatements).toBe(afterOne);
  });
});
