import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Caller } from '../identity/caller.js';
import type { Condition, Query } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { fromDoc, type WorklogDoc } from '../worklogs/worklog-documents.js';
import { matches } from './odata-evaluate.js';
import type { Expression } from './odata-expression.js';
import { reportingWorklog, type Row, type RowContext } from './odata-rows.js';
import { feedSelection } from './odata-selection.js';
import { READ_BATCH, rowContext } from './read-feed-page.js';

/** Worklogs one expanded entity (or one page of a navigation path) holds; more go on by a nextLink. */
export const EXPANDED_WORKLOGS = 1_000;
/** Worklogs one read passes over for a nested $filter before answering short with a nextLink. */
const SCAN_LIMIT = 5_000;

/** A position in a work item's worklogs: (work item, timestamp, id), the order of their index. */
export type WorklogKey = [workItemId: number, timestamp: string, id: string];

/** Whose worklogs the caller reads, as on workLogsOnly: Members their own, Team leads their teams'. */
export interface WorklogReach {
  userIds: string[] | undefined;
  empty: boolean;
}

export async function worklogReach(ports: Ports, caller: Caller, onlyMe: boolean): Promise<WorklogReach> {
  const { userIds, empty } = await feedSelection(ports, caller, undefined, onlyMe);
  return { userIds, empty };
}

export interface WorklogRead {
  filter?: Expression;
  after?: WorklogKey;
  want: number;
}

const ORDER = (['workItemId', 'timestamp', 'id'] as const).map((field) => ({ field, direction: 'asc' as const }));
const keyOf = (doc: WorklogDoc): WorklogKey => [doc.workItemId!, doc.timestamp, doc.id];

/**
 * The worklogs on `workItemIds` the caller may read, as workLogsOnly's rows, in (work item,
 * timestamp, id) order: the org's index on (work item, timestamp, id) is sought for each
 * item, never a scan of the org's worklogs. `next` is where more begin.
 */
export async function readWorkItemWorklogs(ports: Ports, caller: Caller, reach: WorklogReach, workItemIds: readonly number[], read: WorklogRead): Promise<{ rows: Row[]; next?: WorklogKey }> {
  const ids = [...new Set(workItemIds)].sort((a, b) => a - b);
  if (reach.empty || ids.length === 0 || read.want <= 0) return { rows: [] };
  const where: Condition[] = [
    { field: 'type', op: '=', value: 'worklog' }, { field: 'orgId', op: '=', value: caller.orgId },
    ids.length === 1 ? { field: 'workItemId', op: '=', value: ids[0]! } : { field: 'workItemId', op: 'in', value: ids },
  ];
  if (reach.userIds) where.push({ field: 'userId', op: 'in', value: reach.userIds });
  const rows: Row[] = [];
  let after = read.after;
  let context: RowContext | undefined;
  for (let scanned = 0; ;) {
    const limit = read.filter ? READ_BATCH : read.want - rows.length + 1;
    const query: Query = { partition: { crossPartition: true }, where, orderBy: ORDER, limit, ...(after ? { after } : {}) };
    const docs = await ports.store.query<WorklogDoc>('worklogs', query);
    if (docs.length) context ??= await rowContext(ports, caller, [], false);
    for (const doc of docs) {
      const row = reportingWorklog(fromDoc(doc), context!);
      if (read.filter && !matches(row, read.filter)) {
        after = keyOf(doc);
        continue;
      }
      if (rows.length === read.want) return { rows, next: after };
      rows.push(row);
      after = keyOf(doc);
    }
    scanned += docs.length;
    if (docs.length < limit) return { rows };
    if (scanned >= SCAN_LIMIT) return { rows, next: after };
    await nextTurn();
  }
}

/** A worklog key in a continuation token's two strings. */
export const encodeWorklogKey = ([workItemId, timestamp, id]: WorklogKey): [string, string] => [`${workItemId}|${timestamp}`, id];
export function decodeWorklogKey([first, id]: [string, string]): WorklogKey {
  const [workItemId = '', timestamp = ''] = first.split('|');
  return [Number(workItemId), timestamp, id];
}
