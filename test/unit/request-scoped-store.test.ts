import { describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { requestScopedStore } from '../../shared/http/request-scoped-store.js';
import type { DocumentStore } from '../../shared/ports/document-store.js';
import { MutableClock } from '../support/mutable-clock.js';

function countingReads(store: DocumentStore) {
  let reads = 0;
  const counted: DocumentStore = Object.create(store) as DocumentStore;
  counted.read = (...args) => {
    reads += 1;
    return store.read(...args);
  };
  return { store: counted, reads: () => reads };
}

const org = { id: 'organization', pk: 'org-1', type: 'organization', schemaVersion: 1, name: 'fabrikam' };

describe('the request-scoped store', () => {
  it('reads an org document once per request', async () => {
    const base = new SqliteDocumentStore(':memory:', new MutableClock());
    await base.create('orgs', org);
    const { store, reads } = countingReads(base);
    const scoped = requestScopedStore(store);
    await Promise.all([scoped.read('orgs', 'org-1', 'organization'), scoped.read('orgs', 'org-1', 'organization')]);
    await scoped.read('orgs', 'org-1', 'organization');
    expect(reads()).toBe(1);
  });

  it('reads again after a write to the orgs container, so ETags stay fresh', async () => {
    const base = new SqliteDocumentStore(':memory:', new MutableClock());
    await base.create('orgs', org);
    const scoped = requestScopedStore(base);
    const first = await scoped.read<typeof org>('orgs', 'org-1', 'organization');
    await scoped.replace('orgs', { ...org, name: 'renamed' }, first?._etag);
    const second = await scoped.read<typeof org>('orgs', 'org-1', 'organization');
    expect(second?.name).toBe('renamed');
    expect(second?._etag).not.toBe(first?._etag);
  });

  it('hands every caller its own copy', async () => {
    const base = new SqliteDocumentStore(':memory:', new MutableClock());
    await base.create('orgs', org);
    const scoped = requestScopedStore(base);
    const mine = await scoped.read<typeof org>('orgs', 'org-1', 'organization');
    if (mine) mine.name = 'scribbled';
    expect((await scoped.read<typeof org>('orgs', 'org-1', 'organization'))?.name).toBe('fabrikam');
  });
});
