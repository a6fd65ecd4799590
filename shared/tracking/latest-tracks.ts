import { addSeconds } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { userPartition } from '../worklogs/user-ledger.js';
import { fromDoc, type WorklogDoc } from '../worklogs/worklog-documents.js';

/** 7pace's `latest`: the caller's most recent tracked worklogs, newest first, in its tracking client's shape. */
export async function latestTracks(ports: Pick<Ports, 'store'>, caller: Caller, count: number) {
  const docs = await ports.store.query<WorklogDoc>('worklogs', {
    partition: { pk: userPartition(caller.orgId, caller.user.id) },
    where: [{ field: 'type', op: '=', value: 'worklog' }, { field: 'flags.isTracked', op: '=', value: true }],
    orderBy: [{ field: 'timestamp', direction: 'desc' }, { field: 'id', direction: 'desc' }],
    limit: count,
  });
  const workLogs = docs.map(fromDoc).map((worklog) => ({
    id: worklog.id,
    remark: worklog.comment,
    startTime: worklog.timestamp,
    endTime: addSeconds(new Date(worklog.timestamp), worklog.length).toISOString().replace(/\.000Z$/, 'Z'),
    periodLength: worklog.length,
    activityTypeId: worklog.activityTypeId,
    workItem: worklog.workItemId === null ? null : { id: worklog.workItemId },
  }));
  return { count: workLogs.length, workLogs };
}
