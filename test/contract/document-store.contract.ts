import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  StoreConflictError,
  StorePreconditionError,
  type Condition,
  type Document,
  type DocumentStore,
  type Query,
  type Scalar,
} from '../../shared/ports/document-store.js';
import type { MutableClock } from '../support/mutable-clock.js';

/** Behaviours an adapter's test backend cannot show; the suite then asserts what it can. */
export type StoreGap = 'ttl' | 'atomicBatch';

export interface StoreUnderTest {
  store: DocumentStore;
  /** The clock the store reads; TTL tests move it. */
  clock: MutableClock;
}

interface Item extends Document {
  type: 'item';
  n?: number;
  tag?: string | null;
  flag?: boolean;
  timestamp?: string;
}

const item = (id: string, pk: string, fields: Partial<Item> = {}): Item => ({
  id,
  pk,
  type: 'item',
  schemaVersion: 1,
  ...fields,
});

/** Partition p1 holds a..e; p2 holds z, which matches most filters and must never leak into p1. */
const SEED: Item[] = [
  item('a', 'p1', { n: 1, tag: 'x', flag: true }),
  item('b', 'p1', { n: 2, tag: null, flag: false }),
  item('c', 'p1', { n: 3, tag: 'y', flag: true }),
  item('d', 'p1', { n: 4, flag: false }),
  item('e', 'p1', { n: 5, tag: 'x', flag: true }),
  item('z', 'p2', { n: 3, tag: 'x', flag: true }),
];

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

/**
 * The one suite every DocumentStore adapter runs. `setup` returns a fresh, empty store.
 * `gaps` is known up front so that each gap changes a test's title, not its outcome.
 */
export function documentStoreContract(
  name: string,
  gaps: ReadonlySet<StoreGap>,
  setup: () => Promise<StoreUnderTest>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let clock: MutableClock;

    beforeEach(async () => {
      ({ store, clock } = await setup());
    });
    afterEach(async () => {
      await store.close();
    });

    const seed = async () => {
      for (const doc of SEED) await store.create('worklogs', doc);
    };
    const queryIds = async (query: Query) => ids(await store.query<Item>('worklogs', query)).sort();

    describe('documents', () => {
      it('create then read returns the same document with its schemaVersion and an _etag', async () => {
        const doc = item('a', 'p1', { n: 1, tag: null, flag: false });
        const created = await store.create('worklogs', doc);
        expect(created).toEqual({ ...doc, _etag: expect.any(String) });
        expect(await store.read<Item>('worklogs', 'p1', 'a')).toEqual(created);
      });

      it('read of a missing document, or of one in another partition or container, returns undefined', async () => {
        await store.create('worklogs', item('a', 'p1'));
        expect(await store.read('worklogs', 'p1', 'nope')).toBeUndefined();
        expect(await store.read('worklogs', 'p2', 'a')).toBeUndefined();
        expect(await store.read('orgs', 'p1', 'a')).toBeUndefined();
      });

      it('create of an id that exists in the partition throws StoreConflictError', async () => {
        await store.create('worklogs', item('a', 'p1', { n: 1 }));
        await expect(store.create('worklogs', item('a', 'p1', { n: 2 }))).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.read<Item>('worklogs', 'p1', 'a'))?.n).toBe(1);
      });

      it('the same id in another partition is another document', async () => {
        await store.create('worklogs', item('a', 'p1', { n: 1 }));
        await store.create('worklogs', item('a', 'p2', { n: 2 }));
        expect((await store.read<Item>('worklogs', 'p2', 'a'))?.n).toBe(2);
      });

      it('of two concurrent creates of one id exactly one succeeds', async () => {
        const results = await Promise.allSettled([
          store.create('worklogs', item('a', 'p1', { n: 1 })),
          store.create('worklogs', item('a', 'p1', { n: 2 })),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(StoreConflictError);
      });

      it('replace with the current ETag writes the document and gives it a new ETag', async () => {
        const created = await store.create('worklogs', item('a', 'p1', { n: 1 }));
        const replaced = await store.replace('worklogs', { ...created, n: 2 }, created._etag);
        expect(replaced.n).toBe(2);
        expect(replaced._etag).not.toBe(created._etag);
        expect(await store.read('worklogs', 'p1', 'a')).toEqual(replaced);
      });

      it('replace with a stale ETag throws StorePreconditionError and leaves the document unchanged', async () => {
        const created = await store.create('worklogs', item('a', 'p1', { n: 1 }));
        const current = await store.replace('worklogs', { ...created, n: 2 }, created._etag);
        await expect(store.replace('worklogs', { ...created, n: 3 }, created._etag)).rejects.toBeInstanceOf(
          StorePreconditionError,
        );
        expect(await store.read('worklogs', 'p1', 'a')).toEqual(current);
      });

      it('of two concurrent replaces with the same ETag exactly one succeeds', async () => {
        const created = await store.create('worklogs', item('a', 'p1', { n: 1 }));
        const results = await Promise.allSettled([
          store.replace('worklogs', { ...created, n: 2 }, created._etag),
          store.replace('worklogs', { ...created, n: 3 }, created._etag),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(StorePreconditionError);
      });

      it('replace without ifMatch overwrites whatever is stored', async () => {
        const created = await store.create('worklogs', item('a', 'p1', { n: 1 }));
        await store.replace('worklogs', { ...created, n: 2 }, created._etag);
        const replaced = await store.replace('worklogs', item('a', 'p1', { n: 3 }));
        expect(replaced).toEqual({ ...item('a', 'p1', { n: 3 }), _etag: expect.any(String) });
      });

      it('queries find a replaced document by the fields it has now, whether the replace changed them or kept them', async () => {
        const a = await store.create('worklogs', item('a', 'p1', { timestamp: '2026-01-01T00:00:00Z', n: 1 }));
        const b = await store.create('worklogs', item('b', 'p1', { timestamp: '2026-01-02T00:00:00Z', n: 1 }));
        await store.replace('worklogs', { ...a, n: 2 }, a._etag);
        const moved: Item = { ...b, timestamp: '2026-01-03T00:00:00Z' };
        await store.batch('worklogs', 'p1', [{ op: 'replace', doc: moved, ifMatch: b._etag }]);
        const at = (timestamp: string) => queryIds({ partition: { pk: 'p1' }, where: [{ field: 'timestamp', op: '=', value: timestamp }] });
        expect([await at('2026-01-01T00:00:00Z'), await at('2026-01-02T00:00:00Z'), await at('2026-01-03T00:00:00Z')]).toEqual([['a'], [], ['b']]);
        const newest = await store.query<Item>('worklogs', { partition: { pk: 'p1' }, orderBy: [{ field: 'timestamp', direction: 'desc' }] });
        expect(newest.map((doc) => [doc.id, doc.n])).toEqual([['b', 1], ['a', 2]]);
      });

      it('replace of a missing document throws StorePreconditionError and creates nothing', async () => {
        await expect(store.replace('worklogs', item('a', 'p1'))).rejects.toBeInstanceOf(StorePreconditionError);
        expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
      });

      it('delete with a stale ETag throws StorePreconditionError; with the current ETag it removes the document', async () => {
        const created = await store.create('worklogs', item('a', 'p1', { n: 1 }));
        const current = await store.replace('worklogs', { ...created, n: 2 });
        await expect(store.delete('worklogs', 'p1', 'a', created._etag)).rejects.toBeInstanceOf(StorePreconditionError);
        expect(await store.read('worklogs', 'p1', 'a')).toEqual(current);
        await store.delete('worklogs', 'p1', 'a', current._etag);
        expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
      });

      it('delete without ifMatch removes the document; deleting it again throws StorePreconditionError', async () => {
        await store.create('worklogs', item('a', 'p1'));
        await store.delete('worklogs', 'p1', 'a');
        expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
        await expect(store.delete('worklogs', 'p1', 'a')).rejects.toBeInstanceOf(StorePreconditionError);
      });

      it('upsert creates a missing document and overwrites an existing one', async () => {
        const first = await store.upsert('worklogs', item('a', 'p1', { n: 1 }));
        expect(await store.read('worklogs', 'p1', 'a')).toEqual(first);
        const second = await store.upsert('worklogs', { ...first, n: 2 });
        expect(second).toEqual({ ...item('a', 'p1', { n: 2 }), _etag: expect.any(String) });
        expect(second._etag).not.toBe(first._etag);
        expect(await store.read('worklogs', 'p1', 'a')).toEqual(second);
      });
    });

    describe('queries', () => {
      beforeEach(seed);

      it('a partition query never returns documents of another partition', async () => {
        expect(await queryIds({ partition: { pk: 'p1' } })).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await queryIds({ partition: { pk: 'p2' } })).toEqual(['z']);
        expect(await queryIds({ partition: { pk: 'p3' } })).toEqual([]);
      });

      const cases: [string, Condition, string[]][] = [
        ['=', { field: 'n', op: '=', value: 3 }, ['c']],
        ['!=', { field: 'n', op: '!=', value: 3 }, ['a', 'b', 'd', 'e']],
        ['<', { field: 'n', op: '<', value: 3 }, ['a', 'b']],
        ['<=', { field: 'n', op: '<=', value: 3 }, ['a', 'b', 'c']],
        ['>', { field: 'n', op: '>', value: 3 }, ['d', 'e']],
        ['>=', { field: 'n', op: '>=', value: 3 }, ['c', 'd', 'e']],
        ['in (numbers)', { field: 'n', op: 'in', value: [1, 4, 9] }, ['a', 'd']],
        ['in (strings)', { field: 'tag', op: 'in', value: ['x', 'y'] }, ['a', 'c', 'e']],
        ['in (empty list, matches nothing)', { field: 'n', op: 'in', value: [] }, []],
        ['= on strings', { field: 'tag', op: '=', value: 'x' }, ['a', 'e']],
        ['= null (matches null and missing fields)', { field: 'tag', op: '=', value: null }, ['b', 'd']],
        ['!= null (matches fields that hold a value)', { field: 'tag', op: '!=', value: null }, ['a', 'c', 'e']],
        ['= true', { field: 'flag', op: '=', value: true }, ['a', 'c', 'e']],
        ['= false', { field: 'flag', op: '=', value: false }, ['b', 'd']],
      ];
      it.each(cases)('where %s', async (_label, condition, expected) => {
        expect(await queryIds({ partition: { pk: 'p1' }, where: [condition] })).toEqual(expected);
      });

      it('several conditions all have to hold', async () => {
        const where: Condition[] = [
          { field: 'n', op: '>=', value: 2 },
          { field: 'flag', op: '=', value: true },
        ];
        expect(await queryIds({ partition: { pk: 'p1' }, where })).toEqual(['c', 'e']);
      });

      it('orderBy sorts ascending and descending', async () => {
        const asc = await store.query('worklogs', { partition: { pk: 'p1' }, orderBy: [{ field: 'n', direction: 'asc' }] });
        expect(ids(asc)).toEqual(['a', 'b', 'c', 'd', 'e']);
        const desc = await store.query('worklogs', { partition: { pk: 'p1' }, orderBy: [{ field: 'id', direction: 'desc' }] });
        expect(ids(desc)).toEqual(['e', 'd', 'c', 'b', 'a']);
      });

      it('offset and limit page through ordered results', async () => {
        const page = (offset?: number, limit?: number) =>
          store.query('worklogs', { partition: { pk: 'p1' }, orderBy: [{ field: 'n', direction: 'asc' }], offset, limit });
        expect(ids(await page(1, 2))).toEqual(['b', 'c']);
        expect(ids(await page(undefined, 2))).toEqual(['a', 'b']);
        expect(ids(await page(3))).toEqual(['d', 'e']);
        expect(ids(await page(4, 10))).toEqual(['e']);
        expect(ids(await page(5, 10))).toEqual([]);
        expect(ids(await page(0, 0))).toEqual([]);
      });

      it('a crossPartition query returns matches from every partition, ordered and paged', async () => {
        expect(await queryIds({ partition: { crossPartition: true }, where: [{ field: 'n', op: '=', value: 3 }] })).toEqual([
          'c',
          'z',
        ]);
        const top = await store.query('worklogs', {
          partition: { crossPartition: true },
          orderBy: [{ field: 'id', direction: 'desc' }],
          offset: 1,
          limit: 2,
        });
        expect(ids(top)).toEqual(['e', 'd']);
      });

      // Ordered by (timestamp, id): the Cosmos adapter declares a composite index for that pair only.
      it('after continues an ordered query past a key, visiting documents with equal values once, by id', async () => {
        const stamps = [['k1', 'T2'], ['k2', 'T1'], ['k3', 'T2'], ['k4', 'T2'], ['k5', 'T3']] as const;
        for (const [id, timestamp] of stamps) await store.create('worklogs', item(id, 'p3', { timestamp }));
        const walk = async (orderBy: NonNullable<Query['orderBy']>) => {
          const visited: string[] = [];
          let after: Scalar[] | undefined;
          for (;;) {
            const page = await store.query<Item>('worklogs', { partition: { pk: 'p3' }, orderBy, after, limit: 2 });
            if (page.length === 0) return visited;
            visited.push(...ids(page));
            const last = page.at(-1)!;
            after = [last.timestamp ?? null, last.id];
          }
        };
        expect(await walk([{ field: 'timestamp', direction: 'asc' }, { field: 'id', direction: 'asc' }])).toEqual(['k2', 'k1', 'k3', 'k4', 'k5']);
        expect(await walk([{ field: 'timestamp', direction: 'desc' }, { field: 'id', direction: 'desc' }])).toEqual(['k5', 'k4', 'k3', 'k1', 'k2']);
      });

      it('after and until page across partitions where many documents tie on the first field', async () => {
        const docs = ['T1', 'T2', 'T3'].flatMap((timestamp) => ['q1', 'q2', 'q3', 'q4'].map((pk) => item(`${pk}-${timestamp}`, pk, { timestamp })));
        for (const doc of docs) await store.create('worklogs', doc);
        const orderBy = [{ field: 'timestamp', direction: 'asc' }, { field: 'id', direction: 'asc' }] as const;
        const query = (q: Partial<Query>) => store.query<Item>('worklogs', { partition: { crossPartition: true }, orderBy: [...orderBy], where: [{ field: 'timestamp', op: '>=', value: 'T' }], ...q });
        const sorted = docs.map((d) => d.id).sort((x, y) => (x.slice(3) + x).localeCompare(y.slice(3) + y));
        const visited: string[] = [];
        for (let after: Scalar[] | undefined; ; ) {
          const page = await query({ after, limit: 5 });
          if (page.length === 0) break;
          visited.push(...ids(page));
          after = [page.at(-1)!.timestamp!, page.at(-1)!.id];
        }
        expect(visited).toEqual(sorted);
        expect(ids(await query({ after: ['T1', 'q2-T1'], until: ['T2', 'q2-T2'], offset: 1, limit: 3 }))).toEqual(['q4-T1', 'q1-T2', 'q2-T2']);
        expect(ids(await query({ after: ['T2', 'q3-T2'], until: ['T2', 'q4-T2'] }))).toEqual(['q4-T2']);
        expect(ids(await query({ after: ['T2', 'q3-T2'], until: ['T1', 'q4-T1'] }))).toEqual([]);
      });

      it('until stops an ordered query at a key, including it; with after it reads the range between', async () => {
        for (const [id, timestamp] of [['k1', 'T2'], ['k2', 'T1'], ['k3', 'T2'], ['k4', 'T2'], ['k5', 'T3']] as const) {
          await store.create('worklogs', item(id, 'p3', { timestamp }));
        }
        const range = async (direction: 'asc' | 'desc', after?: Scalar[], until?: Scalar[]) =>
          ids(await store.query('worklogs', { partition: { pk: 'p3' }, orderBy: [{ field: 'timestamp', direction }, { field: 'id', direction }], after, until }));
        expect(await range('asc', undefined, ['T2', 'k3'])).toEqual(['k2', 'k1', 'k3']);
        expect(await range('asc', ['T1', 'k2'], ['T2', 'k4'])).toEqual(['k1', 'k3', 'k4']);
        expect(await range('desc', ['T3', 'k5'], ['T2', 'k3'])).toEqual(['k4', 'k3']);
      });

      it('after works across partitions and together with where', async () => {
        for (const [id, pk, timestamp] of [['t1', 'p3', 'T1'], ['t2', 'p4', 'T2'], ['t3', 'p3', 'T2'], ['t4', 'p4', 'T3']] as const) {
          await store.create('worklogs', item(id, pk, { timestamp, tag: id === 't3' ? 'skip' : 'keep' }));
        }
        const docs = await store.query('worklogs', {
          partition: { crossPartition: true },
          where: [{ field: 'tag', op: '=', value: 'keep' }],
          orderBy: [{ field: 'timestamp', direction: 'asc' }, { field: 'id', direction: 'asc' }],
          after: ['T2', 't1'],
        });
        expect(ids(docs)).toEqual(['t2', 't4']);
      });

      it('select returns only the named fields of each document, nested values intact, with its id, pk and _etag', async () => {
        const nested = { ...item('n', 'p3', { n: 7 }), cells: [['2025-01', 41, 'dev', false, 3600, 0, 1]], totals: { a: [1, 2] } };
        await store.create('worklogs', nested);
        const [doc] = await store.query<typeof nested>('worklogs', { partition: { pk: 'p3' }, select: ['n', 'totals', 'tag'] });
        expect(doc).toMatchObject({ id: 'n', pk: 'p3', n: 7, totals: { a: [1, 2] }, _etag: (await store.read('worklogs', 'p3', 'n'))!._etag });
        expect(doc).not.toHaveProperty('cells');
        expect(doc).not.toHaveProperty('type');
        expect(doc?.tag ?? null, 'an absent field is null or missing').toBeNull();
        const ordered = await store.query<Item>('worklogs', { partition: { pk: 'p1' }, where: [{ field: 'flag', op: '=', value: true }], orderBy: [{ field: 'n', direction: 'desc' }], select: ['n'] });
        expect(ordered.map((d) => [d.id, d.n])).toEqual([['e', 5], ['c', 3], ['a', 1]]);
      });

      it('an empty select returns only the id, pk and _etag of each document', async () => {
        const [doc] = await store.query('worklogs', { partition: { pk: 'p2' }, select: [] });
        expect(doc).toEqual({ id: 'z', pk: 'p2', _etag: (await store.read('worklogs', 'p2', 'z'))!._etag });
      });

      it('query results carry their _etag and only the stored fields', async () => {
        const [doc] = await store.query('worklogs', { partition: { pk: 'p2' } });
        expect(doc).toEqual({ ...SEED[5], _etag: expect.any(String) });
        expect(doc).toEqual(await store.read('worklogs', 'p2', 'z'));
      });
    });

    describe('batch', () => {
      it('applies create, replace, upsert and delete in one call', async () => {
        const b = await store.create('worklogs', item('b', 'p1', { n: 1 }));
        await store.create('worklogs', item('c', 'p1'));
        await store.batch('worklogs', 'p1', [
          { op: 'create', doc: item('a', 'p1', { n: 1 }) },
          { op: 'replace', doc: item('b', 'p1', { n: 2 }), ifMatch: b._etag },
          { op: 'upsert', doc: item('d', 'p1', { n: 4 }) },
          { op: 'delete', id: 'c' },
        ]);
        expect((await store.read<Item>('worklogs', 'p1', 'a'))?.n).toBe(1);
        expect((await store.read<Item>('worklogs', 'p1', 'b'))?.n).toBe(2);
        expect((await store.read<Item>('worklogs', 'p1', 'd'))?.n).toBe(4);
        expect(await store.read('worklogs', 'p1', 'c')).toBeUndefined();
      });

      it('a batch whose first operation fails on If-Match applies none of the others', async () => {
        const b = await store.create('worklogs', item('b', 'p1', { n: 1 }));
        await store.replace('worklogs', { ...b, n: 2 });
        await expect(
          store.batch('worklogs', 'p1', [
            { op: 'replace', doc: item('b', 'p1', { n: 3 }), ifMatch: b._etag },
            { op: 'create', doc: item('a', 'p1') },
          ]),
        ).rejects.toBeInstanceOf(StorePreconditionError);
        expect((await store.read<Item>('worklogs', 'p1', 'b'))?.n).toBe(2);
        expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
      });

      it('a delete in a batch honours If-Match', async () => {
        const a = await store.create('worklogs', item('a', 'p1'));
        await store.replace('worklogs', a);
        await expect(store.batch('worklogs', 'p1', [{ op: 'delete', id: 'a', ifMatch: a._etag }])).rejects.toBeInstanceOf(
          StorePreconditionError,
        );
        expect(await store.read('worklogs', 'p1', 'a')).toBeDefined();
      });

      it('a batch create of an existing id throws StoreConflictError', async () => {
        await store.create('worklogs', item('a', 'p1', { n: 1 }));
        await expect(
          store.batch('worklogs', 'p1', [{ op: 'create', doc: item('a', 'p1', { n: 2 }) }]),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.read<Item>('worklogs', 'p1', 'a'))?.n).toBe(1);
      });

      it('a batch refuses more than maxBatchOperations operations and documents of another partition', async () => {
        const tooMany = Array.from({ length: store.maxBatchOperations + 1 }, (_, i) => ({
          op: 'create' as const,
          doc: item(`d${i}`, 'p1'),
        }));
        await expect(store.batch('worklogs', 'p1', tooMany)).rejects.toBeInstanceOf(RangeError);
        await expect(store.batch('worklogs', 'p1', [{ op: 'create', doc: item('a', 'p2') }])).rejects.toBeInstanceOf(
          RangeError,
        );
        expect(await store.query('worklogs', { partition: { crossPartition: true } })).toEqual([]);
      });

      const lateFailure = async () => {
        const b = await store.create('worklogs', item('b', 'p1', { n: 1 }));
        await store.replace('worklogs', { ...b, n: 2 });
        await store.create('worklogs', item('c', 'p1'));
        const attempt = store.batch('worklogs', 'p1', [
          { op: 'create', doc: item('a', 'p1') },
          { op: 'delete', id: 'c' },
          { op: 'replace', doc: item('b', 'p1', { n: 3 }), ifMatch: b._etag },
        ]);
        await expect(attempt).rejects.toBeInstanceOf(StorePreconditionError);
        expect((await store.read<Item>('worklogs', 'p1', 'b'))?.n).toBe(2);
      };

      if (gaps.has('atomicBatch')) {
        it(`a batch whose last operation fails on If-Match reports StorePreconditionError (gap: ${name} does not roll back earlier operations; rollback is asserted on the other adapters)`, lateFailure);
      } else {
        it('a batch whose last operation fails on If-Match leaves nothing changed', async () => {
          await lateFailure();
          expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
          expect(await store.read('worklogs', 'p1', 'c')).toBeDefined();
        });
      }

      const fullBatch = (last: Item) => [
        ...Array.from({ length: store.maxBatchOperations - 1 }, (_, i) => ({ op: 'create' as const, doc: item(`d${i}`, 'p1') })),
        { op: 'create' as const, doc: last },
      ];

      it('a batch of maxBatchOperations operations applies every one', async () => {
        await store.batch('worklogs', 'p1', fullBatch(item('last', 'p1')));
        expect(await store.query('worklogs', { partition: { pk: 'p1' } })).toHaveLength(store.maxBatchOperations);
      });

      if (!gaps.has('atomicBatch')) {
        it('a batch of maxBatchOperations operations whose last one fails leaves nothing written', async () => {
          await store.create('worklogs', item('last', 'p1', { n: 1 }));
          await expect(store.batch('worklogs', 'p1', fullBatch(item('last', 'p1', { n: 2 })))).rejects.toBeInstanceOf(StoreConflictError);
          expect(await store.query<Item>('worklogs', { partition: { pk: 'p1' } })).toEqual([expect.objectContaining({ id: 'last', n: 1 })]);
        });
      }
    });

    describe('ttl', () => {
      if (gaps.has('ttl')) {
        it(`a document stores its ttl field (gap: ${name} never expires documents; expiry is asserted on the other adapters)`, async () => {
          await store.create('worklogs', item('a', 'p1', { ttl: 60 }));
          expect((await store.read<Item>('worklogs', 'p1', 'a'))?.ttl).toBe(60);
          const [queried] = await store.query<Item>('worklogs', { partition: { pk: 'p1' } });
          expect(queried?.ttl).toBe(60);
        });
        return;
      }
      it('a document with ttl disappears from reads and queries once the clock passes it, and its id is free again', async () => {
        await store.create('worklogs', item('a', 'p1', { ttl: 60 }));
        await store.create('worklogs', item('b', 'p1'));
        clock.advance(59_000);
        expect(await store.read('worklogs', 'p1', 'a')).toBeDefined();
        clock.advance(2_000);
        expect(await store.read('worklogs', 'p1', 'a')).toBeUndefined();
        expect(await queryIds({ partition: { pk: 'p1' } })).toEqual(['b']);
        await store.create('worklogs', item('a', 'p1'));
        clock.advance(3_600_000);
        expect(await store.read('worklogs', 'p1', 'a')).toBeDefined();
      });
    });
  });
}
