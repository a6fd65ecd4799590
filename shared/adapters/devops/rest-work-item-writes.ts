import { z } from 'zod';
import { DevOpsThrottledError, type SchedulingFieldChanges, type WorkItemFields, type WorkItemUpdateResult } from '../../ports/devops-directory.js';
import { DevOpsRequestError, parse, retryAfterSeconds } from './rest-devops-errors.js';
import { SCHEDULING } from './rest-work-item-json.js';

/** Where and as whom a single work item request goes. */
export interface WorkItemTarget {
  orgUrl: string;
  id: number;
  token: string;
  timeoutMs: number;
}

const hours = z.number().nullable().optional().transform((value) => value ?? null);
const FieldsJson = z.object({
  id: z.number().int(),
  rev: z.number().int(),
  fields: z.looseObject({ 'System.WorkItemType': z.string(), [SCHEDULING.completedWork]: hours, [SCHEDULING.remainingWork]: hours }),
}).transform(({ id, rev, fields: f }): WorkItemFields => ({
  id, rev, type: f['System.WorkItemType'], completedWork: f[SCHEDULING.completedWork], remainingWork: f[SCHEDULING.remainingWork],
}));
const RevJson = z.object({ rev: z.number().int() });
const READ_FIELDS = ['System.WorkItemType', SCHEDULING.completedWork, SCHEDULING.remainingWork].join(',');

/** `GET _apis/wit/workitems/{id}` (or `/revisions/{rev}`): undefined when the item (or revision) does not exist. */
export async function readWorkItemFields(target: WorkItemTarget, rev?: number): Promise<WorkItemFields | undefined> {
  const path = rev === undefined ? `${target.id}?fields=${READ_FIELDS}&` : `${target.id}/revisions/${rev}?`;
  const res = await send(target, 'GET', `${path}api-version=7.1`);
  if (res.status === 409 || res.status === 412) throw new DevOpsRequestError(`Azure DevOps answered ${res.status} to a read`, res.status);
  if (res.status === 404) return undefined;
  return parse(FieldsJson, await res.json(), 'work item');
}

/**
 * `PATCH _apis/wit/workitems/{id}` with a JSON Patch that tests `/rev` first, so that Azure
 * DevOps refuses the whole patch (412, or 409) when someone changed the item since.
 */
export async function patchWorkItem(target: WorkItemTarget, rev: number, changes: SchedulingFieldChanges): Promise<WorkItemUpdateResult> {
  const operations: unknown[] = [{ op: 'test', path: '/rev', value: rev }];
  for (const key of ['completedWork', 'remainingWork'] as const) {
    const value = changes[key];
    if (value !== undefined) operations.push({ op: 'add', path: `/fields/${SCHEDULING[key]}`, value });
  }
  const res = await send(target, 'PATCH', `${target.id}?api-version=7.1`, operations);
  if (res.status === 404) return { outcome: 'missing' };
  if (res.status === 412 || res.status === 409) return { outcome: 'stale' };
  return { outcome: 'updated', rev: parse(RevJson, await res.json(), 'work item update').rev };
}

/** One request; any answer but 2xx, 404, 409 and 412 throws (429 as throttled). */
async function send(target: WorkItemTarget, method: 'GET' | 'PATCH', pathAndQuery: string, body?: unknown): Promise<Response> {
  const url = `${target.orgUrl}/_apis/wit/workitems/${pathAndQuery}`;
  const where = new URL(url).pathname;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      headers: {
        authorization: `Bearer ${target.token}`, accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json-patch+json' }),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    throw new DevOpsRequestError(`Azure DevOps request failed: ${where}`, undefined, { cause: error });
  }
  if ((res.ok && res.status !== 203) || [404, 409, 412].includes(res.status)) return res;
  await res.body?.cancel();
  if (res.status === 429) throw new DevOpsThrottledError(retryAfterSeconds(res.headers.get('retry-after')));
  throw new DevOpsRequestError(`Azure DevOps answered ${res.status}: ${method} ${where}`, res.status);
}
