import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { Document, DocumentStore, Stored } from '../ports/document-store.js';

/**
 * The org's cache of Azure DevOps work items, in its own partition of 'orgs' (apart from
 * the org's own documents and from every user's), so that a refresh writes only here.
 * Each document expires a month after its last refresh: a cache, never the source.
 */
export const workItemPartition = (orgId: string) => `${orgId}:workItems`;
export const CACHE_TTL_SECONDS = 30 * 86_400;
const MAX_IDS_PER_QUERY = 500;

export interface WorkItemDoc extends Document {
  type: 'workItem';
  orgId: string;
  item: WorkItemDetails;
  refreshedAt: string;
}

/** A subtree read through WIQL: when, so that the next reader knows whether to refresh it. */
export interface SubtreeDoc extends Document {
  type: 'workItemSubtree';
  orgId: string;
  rootId: number;
  refreshedAt: string;
}

export const workItemDocId = (id: number) => `workItem:${id}`;
export const subtreeDocId = (rootId: number) => `subtree:${rootId}`;

export function workItemDoc(orgId: string, item: WorkItemDetails, now: Date): WorkItemDoc {
  return {
    id: workItemDocId(item.id), pk: workItemPartition(orgId), type: 'workItem', schemaVersion: 1,
    orgId, item, refreshedAt: now.toISOString(), ttl: CACHE_TTL_SECONDS,
  };
}

/** The cached documents of `ids` (those cached), in a few queries of the org's cache partition. */
export async function readCached(store: DocumentStore, orgId: string, ids: readonly number[]): Promise<Map<number, Stored<WorkItemDoc>>> {
  return queryIn(store, orgId, 'id', [...new Set(ids)].map(workItemDocId));
}

/** The cached children of `parentIds`. */
export async function readChildren(store: DocumentStore, orgId: string, parentIds: readonly number[]) {
  return [...(await queryIn(store, orgId, 'item.parentId', [...new Set(parentIds)])).values()];
}

async function queryIn(store: DocumentStore, orgId: string, field: 'id' | 'item.parentId', values: (string | number)[]) {
  const found = new Map<number, Stored<WorkItemDoc>>();
  for (let start = 0; start < values.length; start += MAX_IDS_PER_QUERY) {
    const docs = await store.query<WorkItemDoc>('orgs', {
      partition: { pk: workItemPartition(orgId) },
      where: [{ field: 'type', op: '=', value: 'workItem' }, { field, op: 'in', value: values.slice(start, start + MAX_IDS_PER_QUERY) }],
      // In the order of the SQLite index on (partition, field), which its planner then picks over a partition scan.
      orderBy: [{ field, direction: 'asc' }],
    });
    for (const doc of docs) found.set(doc.item.id, doc);
  }
  return found;
}

/** Upserts in store batches: the cache partition only, never a user's. */
export async function writeCached(store: DocumentStore, docs: readonly Document[]) {
  const pk = docs[0]?.pk;
  if (!pk) return;
  const size = Math.max(1, store.maxBatchOperations - 1);
  for (let start = 0; start < docs.length; start += size) {
    await store.batch('orgs', pk, docs.slice(start, start + size).map((doc) => ({ op: 'upsert' as const, doc })));
  }
}
