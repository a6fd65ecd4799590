import { describe, expect, it } from 'vitest';
import { CountingStore } from '../../bench/counting-store.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { AccessCache } from '../../shared/http/access-cache.js';
import { MutableClock } from '../support/mutable-clock.js';

const orgUser = (n: number, role: string | null = null) => ({ id: `user:u${n}`, pk: 'org-1', type: 'orgUser', schemaVersion: 1, role });

async function aCache(maxEntries = 100) {
  const clock = new MutableClock();
  const counted = new CountingStore(new SqliteDocumentStore(':memory:', clock));
  const cache = new AccessCache(counted, clock, 5_000, maxEntries);
  return { clock, counted, cache };
}

describe('the access cache', () => {
  it('keeps no more documents than its bound, however many users call', async () => {
    const { cache } = await aCache(50);
    for (let n = 0; n < 2_000; n++) await cache.store.create('orgs', orgUser(n));
    for (let n = 0; n < 2_000; n++) expect((await cache.readerOver(cache.store).read('orgs', 'org-1', `user:u${n}`))?.id).toBe(`user:u${n}`);
    expect(cache.size).toBe(50);
  });

  it('reads a document once for concurrent requests, and again once the bound has passed', async () => {
    const { cache, counted, clock } = await aCache();
    await cache.store.create('orgs', orgUser(1));
    counted.take();
    await Promise.all([1, 2, 3].map(() => cache.readerOver(cache.store).read('orgs', 'org-1', 'user:u1')));
    clock.advance(4_999);
    await cache.readerOver(cache.store).read('orgs', 'org-1', 'user:u1');
    expect(counted.take().reads).toBe(1);
    clock.advance(1);
    await cache.readerOver(cache.store).read('orgs', 'org-1', 'user:u1');
    expect(counted.take().reads).toBe(1);
  });

  it('forgets a document written on this instance, also when the write failed', async () => {
    const { cache } = await aCache();
    const created = await cache.store.create('orgs', orgUser(1));
    await cache.readerOver(cache.store).read('orgs', 'org-1', 'user:u1');
    await cache.store.replace('orgs', orgUser(1, 'none'), created._etag);
    expect((await cache.readerOver(cache.store).read<ReturnType<typeof orgUser>>('orgs', 'org-1', 'user:u1'))?.role).toBe('none');

    await cache.store.batch('orgs', 'org-1', [{ op: 'replace', doc: orgUser(1, 'member') }]);
    await expect(cache.store.replace('orgs', orgUser(1), 'stale-etag')).rejects.toThrow();
    expect((await cache.readerOver(cache.store).read<ReturnType<typeof orgUser>>('orgs', 'org-1', 'user:u1'))?.role).toBe('member');
  });

  it('caches only the access documents: everything else is read from the store each time', async () => {
    const { cache, counted } = await aCache();
    await cache.store.create('orgs', { id: 'seats:2025-01', pk: 'org-1', type: 'seatCount', schemaVersion: 1 });
    counted.take();
    await cache.readerOver(cache.store).read('orgs', 'org-1', 'seats:2025-01');
    await cache.readerOver(cache.store).read('orgs', 'org-1', 'seats:2025-01');
    expect(counted.take().reads).toBe(2);
  });
});
