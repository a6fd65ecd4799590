import type { SchedulingFieldChanges, WorkItemFields } from '../../ports/devops-directory.js';
import type { FakeReply } from './fake-devops-work-items.js';
import { SCHEDULING } from './rest-work-item-json.js';
import type { SeedWorkItems } from './seed-work-items.js';

const error = (message: string, typeKey = 'FakeDevOpsException') => ({ message, typeKey });
const NOT_FOUND = (id: number) => error(`TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`, 'WorkItemUnauthorizedAccessException');
const FIELD_OF = new Map<string, keyof SchedulingFieldChanges>([
  [SCHEDULING.completedWork, 'completedWork'],
  [SCHEDULING.remainingWork, 'remainingWork'],
]);

function itemJson(item: WorkItemFields, orgUrl: string) {
  const fields: Record<string, string | number> = { 'System.Id': item.id, 'System.WorkItemType': item.type };
  // Azure DevOps leaves out fields without a value.
  if (item.completedWork !== null) fields[SCHEDULING.completedWork] = item.completedWork;
  if (item.remainingWork !== null) fields[SCHEDULING.remainingWork] = item.remainingWork;
  return { id: item.id, rev: item.rev, fields, url: `${orgUrl}/_apis/wit/workItems/${item.id}` };
}

/** `GET _apis/wit/workitems/{id}` and `.../{id}/revisions/{rev}`. */
export function readWorkItem(items: SeedWorkItems, id: number, rev: number | undefined, orgUrl: string): FakeReply {
  const found = items.fields(id, rev);
  if (!found) return [404, rev === undefined || !items.fields(id) ? NOT_FOUND(id) : error(`TF401284: revision ${rev} of work item ${id} does not exist`)];
  return [200, itemJson(found, orgUrl)];
}

/**
 * `PATCH _apis/wit/workitems/{id}` with `application/json-patch+json`: the operations apply
 * all or none; a failed `test` on `/rev` is the stale revision Azure DevOps answers with 412.
 */
export function patchWorkItem(items: SeedWorkItems, id: number, contentType: string | undefined, body: unknown, orgUrl: string): FakeReply {
  if (!contentType?.toLowerCase().startsWith('application/json-patch+json')) {
    return [415, error('VS403424: the request content type must be application/json-patch+json')];
  }
  if (!Array.isArray(body) || body.length === 0) return [400, error('VS403423: You must pass a valid patch document in the body of the request.')];
  const current = items.fields(id);
  if (!current) return [404, NOT_FOUND(id)];
  const changes: SchedulingFieldChanges = {};
  let testedRev: number | undefined;
  for (const operation of body as { op?: unknown; path?: unknown; value?: unknown }[]) {
    const path = typeof operation.path === 'string' ? operation.path : '';
    if (operation.op === 'test' && path === '/rev') testedRev = Number(operation.value);
    else if ((operation.op === 'add' || operation.op === 'replace') && FIELD_OF.has(path.replace(/^\/fields\//, '')) && typeof operation.value === 'number') {
      changes[FIELD_OF.get(path.replace(/^\/fields\//, ''))!] = operation.value;
    } else return [400, error(`TF51535: the fake Azure DevOps does not take this operation: ${JSON.stringify(operation)}`)];
  }
  if (testedRev !== undefined && testedRev !== current.rev) {
    return [412, error(`TF26071: This work item has been changed by someone else since you opened it (revision ${current.rev}, not ${testedRev}).`, 'WorkItemRevisionMismatchException')];
  }
  const result = items.patch(id, current.rev, changes);
  if (result.outcome !== 'updated') return [409, error('TF26071: the work item changed while the patch applied')];
  return [200, itemJson(items.fields(id)!, orgUrl)];
}
