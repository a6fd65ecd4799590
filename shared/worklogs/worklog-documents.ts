import type { Worklog } from '../domain/worklog.js';
import { SECONDS_PER_DAY, addSeconds, isoSeconds } from '../domain/time.js';
import type { Condition, Document, DocumentStore, Query, Stored } from '../ports/document-store.js';
import { currentVersion } from '../upgrades/document-upgrades.js';
import { worklogUpgrades } from '../upgrades/worklog-upgrades.js';
import { userPartition } from './user-ledger.js';

export const WORKLOG_SCHEMA_VERSION = currentVersion(worklogUpgrades);

export interface WorklogDoc extends Document, Worklog {
  type: 'worklog';
  orgId: string;
}

export function toDoc(orgId: string, worklog: Worklog): WorklogDoc {
  return { ...worklog, pk: userPartition(orgId, worklog.userId), type: 'worklog', schemaVersion: WORKLOG_SCHEMA_VERSION, orgId };
}

/** The worklog in a document as read (older versions are upgraded by the store, see shared/upgrades/). */
export function fromDoc(doc: Stored<WorklogDoc>): Worklog {
  const { pk: _pk, type: _type, schemaVersion: _version, orgId: _org, _etag, ttl: _ttl, ...worklog } = doc;
  return worklog;
}

export async function readWorklog(store: DocumentStore, orgId: string, userId: string, id: string) {
  const doc = await store.read<WorklogDoc>('worklogs', userPartition(orgId, userId), id);
  return doc?.type === 'worklog' ? doc : undefined;
}

/** The user's worklogs that could share time with [start, end): none is longer than a day. */
export async function worklogsAround(store: DocumentStore, orgId: string, userId: string, start: Date, end: Date) {
  return store.query<WorklogDoc>('worklogs', {
    partition: { pk: userPartition(orgId, userId) },
    where: [
      { field: 'type', op: '=', value: 'worklog' },
      { field: 'timestamp', op: '>=', value: isoSeconds(addSeconds(start, -SECONDS_PER_DAY)) },
      { field: 'timestamp', op: '<', value: isoSeconds(end) },
    ],
  });
}

/** The first of the user's worklogs starting in [from, to), if any. */
export async function firstWorklogStarting(store: DocumentStore, orgId: string, userId: string, from: Date, to: Date) {
  const [first] = await store.query<WorklogDoc>('worklogs', {
    partition: { pk: userPartition(orgId, userId) },
    where: [
      { field: 'type', op: '=', value: 'worklog' },
      { field: 'timestamp', op: '>=', value: isoSeconds(from) },
      { field: 'timestamp', op: '<', value: isoSeconds(to) },
    ],
    orderBy: [{ field: 'timestamp', direction: 'asc' }],
    limit: 1,
  });
  return first;
}

export interface WorklogFilter {
  fromTimestamp?: Date;
  toTimestamp?: Date;
  /** 7pace's strict bounds: starts after / before, created after / before. */
  startsAfter?: Date;
  startsBefore?: Date;
  createdAfter?: Date;
  createdBefore?: Date;
  workItemIds?: number[];
  fromDay?: string;
  toDay?: string;
  count?: number;
  skip?: number;
}

/** Oldest first; the id orders worklogs that start at the same second, so keyset pages visit each once. */
export const WORKLOG_ORDER = [
  { field: 'timestamp', direction: 'asc' },
  { field: 'id', direction: 'asc' },
] as const satisfies Query['orderBy'];

export function worklogConditions(filter: WorklogFilter): Condition[] {
  const where: Condition[] = [{ field: 'type', op: '=', value: 'worklog' }];
  if (filter.fromTimestamp) where.push({ field: 'timestamp', op: '>=', value: isoSeconds(filter.fromTimestamp) });
  if (filter.toTimestamp) where.push({ field: 'timestamp', op: '<', value: isoSeconds(filter.toTimestamp) });
  if (filter.startsAfter) where.push({ field: 'timestamp', op: '>', value: isoSeconds(filter.startsAfter) });
  if (filter.startsBefore) where.push({ field: 'timestamp', op: '<', value: isoSeconds(filter.startsBefore) });
  if (filter.createdAfter) where.push({ field: 'createdTimestamp', op: '>', value: isoSeconds(filter.createdAfter) });
  if (filter.createdBefore) where.push({ field: 'createdTimestamp', op: '<', value: isoSeconds(filter.createdBefore) });
  if (filter.fromDay) where.push({ field: 'localDay', op: '>=', value: filter.fromDay });
  if (filter.toDay) where.push({ field: 'localDay', op: '<=', value: filter.toDay });
  if (filter.workItemIds?.length) where.push({ field: 'workItemId', op: 'in', value: filter.workItemIds });
  return where;
}

export async function queryUserWorklogs(store: DocumentStore, orgId: string, userId: string, filter: WorklogFilter) {
  const docs = await store.query<WorklogDoc>('worklogs', {
    partition: { pk: userPartition(orgId, userId) },
    where: worklogConditions(filter),
    orderBy: [...WORKLOG_ORDER],
    offset: filter.skip,
    limit: filter.count,
  });
  return docs.map(fromDoc);
}
