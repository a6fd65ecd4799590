import type { Totals } from '../domain/budgets.js';
import type { DocumentStore } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { TOTALS_PERIOD, rollupId, type RollupDoc } from '../rollups/rollup-docs.js';
import { userPartition } from '../worklogs/user-ledger.js';

/** One user's all-time time per work item: a point read. */
export async function readUserWorkItemTotals(store: DocumentStore, orgId: string, userId: string): Promise<Map<number, Totals>> {
  const doc = await store.read<RollupDoc>('worklogs', userPartition(orgId, userId), rollupId(TOTALS_PERIOD));
  return sumCells(doc ? [doc] : []);
}

/** What this process last read of an org's all-time rollups: each user's (by partition), by its ETag, and their sum. */
interface OrgTotals {
  users: Map<string, { etag: string; totals: Map<number, Totals> }>;
  sum: Map<number, Totals>;
}

/** Orgs kept per process, the least recently read dropped first. */
const MAX_ORGS = 50;
// Keyed by the directory, which lives as long as the process's app (each request gets its own store wrapper).
const kept = new WeakMap<object, Map<string, OrgTotals>>();

/**
 * All-time time per work item across the org's users, from one small rollup document per
 * user with time (period 'all', written in the same batch as the worklogs). Never a
 * worklog: a budget's status is as fresh as the last write. The process keeps what it
 * read; each call lists the documents' ETags (one query that answers no cells) and reads
 * again only those that changed, so that a status costs the users who wrote since, not
 * every user's every work item. The answer is shared: do not change it.
 */
export async function readOrgWorkItemTotals(ports: Pick<Ports, 'store' | 'directory'>, orgId: string): Promise<ReadonlyMap<number, Totals>> {
  const { store } = ports;
  const listed = await store.query<RollupDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [{ field: 'orgId', op: '=', value: orgId }, { field: 'type', op: '=', value: 'rollup' }, { field: 'period', op: 'in', value: [TOTALS_PERIOD] }],
    // A list and its order, as reports ask: SQLite's planner then seeks its index on (org, type, period) instead of scanning.
    orderBy: [{ field: 'period', direction: 'asc' }],
    // The keys and ETags only: the documents themselves are large, and most have not changed.
    select: [],
  });
  const org = keptFor(ports.directory, orgId);
  const present = new Set(listed.map((row) => row.pk));
  for (const pk of [...org.users.keys()].filter((pk) => !present.has(pk))) replaceUser(org, pk, undefined);
  const changed = listed.filter((row) => org.users.get(row.pk)?.etag !== row._etag);
  const docs = await Promise.all(changed.map((row) => store.read<RollupDoc>('worklogs', row.pk, rollupId(TOTALS_PERIOD))));
  for (const [index, doc] of docs.entries()) {
    replaceUser(org, changed[index]!.pk, doc && { etag: doc._etag, totals: sumCells([doc]) });
  }
  return org.sum;
}

function keptFor(owner: object, orgId: string): OrgTotals {
  let orgs = kept.get(owner);
  if (!orgs) kept.set(owner, (orgs = new Map()));
  const org = orgs.get(orgId) ?? { users: new Map(), sum: new Map() };
  orgs.delete(orgId);
  orgs.set(orgId, org);
  if (orgs.size > MAX_ORGS) orgs.delete(orgs.keys().next().value!);
  return org;
}

/** Takes a user's former totals out of the org's sum and puts the new ones in (new objects: earlier answers keep theirs). */
function replaceUser(org: OrgTotals, pk: string, next: { etag: string; totals: Map<number, Totals> } | undefined) {
  const add = (totals: ReadonlyMap<number, Totals>, sign: 1 | -1) => {
    for (const [workItemId, { length, billableLength }] of totals) {
      const sum = org.sum.get(workItemId) ?? { length: 0, billableLength: 0 };
      const next = { length: sum.length + sign * length, billableLength: sum.billableLength + sign * billableLength };
      if (next.length === 0 && next.billableLength === 0) org.sum.delete(workItemId);
      else org.sum.set(workItemId, next);
    }
  };
  const before = org.users.get(pk);
  if (before) add(before.totals, -1);
  if (next) {
    add(next.totals, 1);
    org.users.set(pk, next);
  } else org.users.delete(pk);
}

function sumCells(docs: readonly RollupDoc[]) {
  const totals = new Map<number, Totals>();
  for (const doc of docs) {
    for (const [, workItemId, , , length, billableLength] of doc.cells) {
      if (workItemId === null) continue;
      const sum = totals.get(workItemId);
      if (sum) {
        sum.length += length;
        sum.billableLength += billableLength;
      } else totals.set(workItemId, { length, billableLength });
    }
  }
  return totals;
}
