import { SECONDS_PER_DAY } from '../domain/time.js';
import { StorePreconditionError, type BatchOperation, type ContainerName, type Document, type Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { withoutEtag } from './conditional-update.js';

/** An uninstalled org's documents are kept this long, then removed by the store (Cosmos TTL). */
export const RETENTION_DAYS = 365;
export const RETENTION_SECONDS = RETENTION_DAYS * SECONDS_PER_DAY;

/** The uninstall clock: the org's data is kept until this instant, in every container. */
export const retentionEnd = (uninstalledTimestamp: string) => new Date(Date.parse(uninstalledTimestamp) + RETENTION_SECONDS * 1000);

/** 'restore' on reinstall; otherwise every document is kept until `until`, counted from `now`. */
export type RetentionMode = { until: Date; now: Date } | 'restore';

/**
 * Written on each document at uninstall, so that a reinstall can put back its own TTL, and
 * a later write (a billing event on the org's subscription) keeps the end (`keptUntil`).
 */
interface Retained {
  uninstallRetention?: { previousTtl: number | null; keptUntil?: string };
}

type RetainableDoc = Document & Retained;

const PAGE = 500;
const MAX_ATTEMPTS = 10;

/**
 * Retaining gives every document of the org the TTL that ends it at `until`, 365 days
 * after the uninstall, whenever the sweep reaches it (a shorter TTL of its own stays);
 * 'restore' puts each document's TTL back as it was. Covers the org's partition in 'orgs',
 * every user partition (`orgId:userId`) in 'worklogs' and the partitions in 'subscriptions'
 * of the subscriptions the org activated. Idempotent: a document already handled is left
 * alone, so running it again catches documents written late.
 */
export async function applyRetention(ports: Pick<Ports, 'store'>, orgId: string, mode: RetentionMode) {
  let changed = await sweepPartition(ports, 'orgs', orgId, mode);
  for (const pk of await userPartitions(ports, orgId)) changed += await sweepPartition(ports, 'worklogs', pk, mode);
  for (const pk of await subscriptionPartitions(ports, orgId)) changed += await sweepPartition(ports, 'subscriptions', pk, mode);
  return changed;
}

/** The vendor's records (pk = subscription id) name the org that activated them. */
async function subscriptionPartitions(ports: Pick<Ports, 'store'>, orgId: string): Promise<string[]> {
  const records = await ports.store.query<Document>('subscriptions', {
    partition: { crossPartition: true },
    where: [{ field: 'type', op: '=', value: 'vendorSubscription' }, { field: 'activatedOrgId', op: '=', value: orgId }],
  });
  return [...new Set(records.map((doc) => doc.pk))];
}

/** Users who ever wrote time have a state document; users who signed in have an org user document. */
export async function userPartitions(ports: Pick<Ports, 'store'>, orgId: string): Promise<string[]> {
  const [states, users] = await Promise.all([
    ports.store.query<Document & { userId: string }>('worklogs', {
      partition: { crossPartition: true },
      where: [{ field: 'type', op: '=', value: 'userState' }, { field: 'orgId', op: '=', value: orgId }],
    }),
    ports.store.query<Document & { userId: string }>('orgs', { partition: { pk: orgId }, where: [{ field: 'type', op: '=', value: 'orgUser' }] }),
  ]);
  return [...new Set([...states, ...users].map((doc) => `${orgId}:${doc.userId}`))];
}

async function sweepPartition(ports: Pick<Ports, 'store'>, container: ContainerName, pk: string, mode: RetentionMode) {
  let changed = 0;
  for (let skip = 0; ; skip += PAGE) {
    const page = await ports.store.query<RetainableDoc>(container, { partition: { pk }, orderBy: [{ field: 'id', direction: 'asc' }], offset: skip, limit: PAGE });
    changed += await rewrite(ports, container, pk, page, mode);
    if (page.length < PAGE) return changed;
  }
}

/** Rewrites the documents that need it, in batches; a document changed meanwhile is read again. */
async function rewrite(ports: Pick<Ports, 'store'>, container: ContainerName, pk: string, docs: Stored<RetainableDoc>[], mode: RetentionMode) {
  let pending = docs;
  let changed = 0;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const operations: BatchOperation[] = pending.flatMap((doc) => {
      const next = mode === 'restore' ? restored(doc) : retained(doc, mode.until, secondsUntil(mode));
      return next ? [{ op: 'replace' as const, doc: next, ifMatch: doc._etag }] : [];
    });
    const room = ports.store.maxBatchOperations;
    const failed: string[] = [];
    for (let i = 0; i < operations.length; i += room) {
      const chunk = operations.slice(i, i + room);
      try {
        await ports.store.batch(container, pk, chunk);
        changed += chunk.length;
      } catch (error) {
        if (!(error instanceof StorePreconditionError) || attempt >= MAX_ATTEMPTS) throw error;
        failed.push(...chunk.flatMap((o) => (o.op === 'replace' ? [o.doc.id] : [])));
      }
    }
    const reread = await Promise.all(failed.map((id) => ports.store.read<RetainableDoc>(container, pk, id)));
    pending = reread.filter((doc) => doc !== undefined);
  }
  return changed;
}

/** Whole seconds left, at least 1: a TTL of 0 is not a TTL in Cosmos. */
const secondsUntil = ({ until, now }: { until: Date; now: Date }) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

function retained(doc: Stored<RetainableDoc>, until: Date, secondsLeft: number): RetainableDoc | undefined {
  if (doc.uninstallRetention) return undefined;
  const previousTtl = doc.ttl ?? null;
  const uninstallRetention = { previousTtl, keptUntil: until.toISOString() };
  return { ...withoutEtag(doc), uninstallRetention, ttl: Math.min(previousTtl ?? Infinity, secondsLeft) };
}

/**
 * A TTL counts from the document's last write: a retained document written again (a
 * billing event on a subscription the org activated) gets the TTL that still ends it at
 * the uninstall's end. Any other document is returned as it is.
 */
export function keepingRetentionEnd<T extends Document>(doc: T, now: Date): T {
  const keptUntil = (doc as T & Retained).uninstallRetention?.keptUntil;
  if (keptUntil === undefined) return doc;
  return { ...doc, ttl: Math.min(doc.ttl ?? Infinity, secondsUntil({ until: new Date(keptUntil), now })) };
}

function restored(doc: Stored<RetainableDoc>): RetainableDoc | undefined {
  const { uninstallRetention, ttl: _ttl, ...rest } = withoutEtag(doc);
  if (!uninstallRetention) return undefined;
  return uninstallRetention.previousTtl === null ? rest : { ...rest, ttl: uninstallRetention.previousTtl };
}
