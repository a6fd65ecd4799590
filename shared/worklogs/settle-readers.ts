import type { Document, DocumentStore, Query } from '../ports/document-store.js';
import { settlePartition } from './user-ledger.js';

/** More users with a half-applied commit than this in one org is a crash loop, not a read to hold up. */
const MAX_SETTLED = 100;

/** The org's intent parts: their users. */
export function intentPartsQuery(orgId: string): Query {
  return {
    partition: { crossPartition: true },
    where: [{ field: 'orgId', op: '=', value: orgId }, { field: 'type', op: '=', value: 'batchIntent' }],
    // An order on the index's next column: SQLite then seeks (org, type) instead of scanning the container.
    orderBy: [{ field: 'period', direction: 'asc' }],
    select: ['userId'],
    limit: MAX_SETTLED,
  };
}

/**
 * Before a read of several users' worklogs: finishes every commit a crash left half applied
 * (batch-intent.ts) in those users' partitions, so that a cross-partition list, export or
 * feed shows each commit whole or not at all. The intent parts are found by one indexed
 * query on (org, type), which answers nothing when no commit is pending. One user: that
 * user's partition, as before; no user: nothing to read, nothing to settle.
 */
export async function settleReadUsers(store: DocumentStore, orgId: string, userIds: readonly string[] | undefined) {
  if (userIds?.length === 0) return;
  if (userIds?.length === 1) {
    await settlePartition(store, orgId, userIds[0]!);
    return;
  }
  const parts = await store.query<Document & { userId: string }>('worklogs', intentPartsQuery(orgId));
  const wanted = userIds && new Set(userIds);
  for (const userId of new Set(parts.map((part) => part.userId))) {
    if (!wanted || wanted.has(userId)) await settlePartition(store, orgId, userId);
  }
}
