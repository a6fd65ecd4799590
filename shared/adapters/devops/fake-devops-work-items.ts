import type { ServerResponse } from 'node:http';
import type { WorkItemDetails } from '../../ports/devops-directory.js';
import { CHILD_LINK, PARENT_LINK } from './rest-work-item-json.js';
import { SEED_FIELD_DEFINITIONS, fieldValuesOf } from './seed-work-item-fields.js';
import type { SeedWorkItems } from './seed-work-items.js';

/** Azure DevOps' own limits, kept apart from the adapter's so that a wrong chunk size fails the tests. */
export const MAX_IDS_PER_REQUEST = 200;

export type FakeReply = [status: number, body: unknown];

const error = (message: string) => ({ message, typeKey: 'FakeDevOpsException' });

/** Azure DevOps' per-identity limit (200 TSTUs per sliding 5 minutes), modelled as requests per window. */
export interface FakeRateLimit {
  limit: number;
  windowSeconds: number;
  now: () => Date;
}

/** Counts work item requests in a sliding window; past the limit answers how many seconds to wait. */
export function slidingWindow(rate: FakeRateLimit) {
  const seen: number[] = [];
  return (): number | undefined => {
    const now = rate.now().getTime();
    const windowMs = rate.windowSeconds * 1000;
    while (seen.length > 0 && seen[0]! <= now - windowMs) seen.shift();
    if (seen.length >= rate.limit) return Math.max(1, Math.ceil((seen[0]! + windowMs - now) / 1000));
    seen.push(now);
    return undefined;
  };
}

export function throttled(res: ServerResponse, retryAfter: number) {
  res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) })
    .end(JSON.stringify(error(`TF400733: The request has been throttled; retry after ${retryAfter} seconds`)));
}

/** `POST _apis/wit/workitemsbatch` `{ ids, $expand?, fields?, errorPolicy? }`, as Azure DevOps answers it. */
export function workItemsBatch(items: SeedWorkItems, body: unknown, orgUrl: string): FakeReply {
  const request = (body ?? {}) as { ids?: unknown; $expand?: unknown; fields?: unknown; errorPolicy?: unknown };
  const ids = request.ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || (id as number) <= 0)) {
    return [400, error('ids must be an array of work item ids')];
  }
  if (ids.length > MAX_IDS_PER_REQUEST) return [400, error(`VS403474: You requested ${ids.length} work items which exceeds the limit of ${MAX_IDS_PER_REQUEST}`)];
  if (request.$expand !== undefined && request.fields !== undefined) {
    return [400, error('VS403438: The expand parameter can not be used with the fields parameter.')];
  }
  const fields = request.fields;
  if (fields !== undefined && (!Array.isArray(fields) || fields.some((name) => typeof name !== 'string'))) return [400, error('fields must be an array of field names')];
  const known = new Set(SEED_FIELD_DEFINITIONS.map((field) => field.referenceName.toLowerCase()));
  const unknown = (fields as string[] | undefined)?.find((name) => !known.has(name.toLowerCase()));
  if (unknown !== undefined) return [400, error(`TF51535: Cannot find field ${unknown}.`)];
  const value = (ids as number[]).map((id) => items.held(id) ?? null);
  if (String(request.errorPolicy).toLowerCase() !== 'omit' && value.includes(null)) {
    return [404, error('TF401232: Work item does not exist, or you do not have permissions to read it.')];
  }
  const relations = String(request.$expand).toLowerCase() === 'relations' || String(request.$expand).toLowerCase() === 'all';
  return [200, { count: value.length, value: value.map((item) => item && workItemJson(item, orgUrl, relations, fields as string[] | undefined)) }];
}

const IDENTITY_FIELDS = new Set(SEED_FIELD_DEFINITIONS.filter((field) => field.type === 'identity').map((field) => field.referenceName));

/** An identity as Azure DevOps sends it since 5.0: an IdentityRef, from the seed's `Name <unique name>` text. */
function identityRef(text: string) {
  const [, displayName = text, uniqueName = text] = /^(.*) <(.*)>$/.exec(text) ?? [];
  return { displayName, uniqueName, id: `identity:${uniqueName}`, url: `https://spsprodweu5.vssps.visualstudio.com/identities/${uniqueName}` };
}

/** Azure DevOps leaves out fields without a value; with `fields`, it sends only those (in its own spelling). */
function workItemJson(item: WorkItemDetails, orgUrl: string, relations: boolean, asked: readonly string[] | undefined) {
  const wanted = asked && new Set(asked.map((name) => name.toLowerCase()));
  const fields = Object.fromEntries(Object.entries(fieldValuesOf(item))
    .filter(([name]) => !wanted || wanted.has(name.toLowerCase()))
    .map(([name, value]) => [name, IDENTITY_FIELDS.has(name) && typeof value === 'string' ? identityRef(value) : value]));
  const url = `${orgUrl}/_apis/wit/workItems/${item.id}`;
  if (!relations) return { id: item.id, rev: 1, fields, url };
  const parent = item.parentId === null ? [] : [{ rel: PARENT_LINK, url: `${orgUrl}/_apis/wit/workItems/${item.parentId}`, attributes: { isLocked: false, name: 'Parent' } }];
  return { id: item.id, rev: 1, fields, relations: parent, url };
}

/** `POST _apis/wit/wiql`: the queries Timehub sends (a recursive hierarchy, the org's ids in order, a title search). */
export function wiql(items: SeedWorkItems, body: unknown, top: number | undefined): FakeReply {
  const query = typeof (body as { query?: unknown } | null)?.query === 'string' ? (body as { query: string }).query : '';
  const tree = /FROM WorkItemLinks WHERE \(\[Source\]\.\[System\.Id\] = (\d+)\) AND \(\[System\.Links\.LinkType\] = '([^']+)'\) MODE \(Recursive\)$/i.exec(query);
  if (tree) {
    const rootId = Number(tree[1]);
    if (tree[2] !== CHILD_LINK) return [400, error('TF51006: recursive queries need the hierarchy link type')];
    const exists = items.details([rootId]).length > 0;
    const links = items.descendantLinks(rootId);
    const workItemRelations = [
      ...(exists ? [{ rel: null, source: null, target: { id: rootId } }] : []),
      ...links.map((link) => ({ rel: CHILD_LINK, source: { id: link.parentId }, target: { id: link.childId } })),
    ];
    return [200, { queryType: 'tree', queryResultType: 'workItemLink', workItemRelations }];
  }
  const listing = /^SELECT \[System\.Id\] FROM WorkItems WHERE \[System\.Id\] > (\d+) ORDER BY \[System\.Id\] ASC$/i.exec(query);
  if (listing) {
    if (top !== undefined && top > 20_000) return [400, error('VS402337: The number of work items returned exceeds the size limit of 20000.')];
    const ids = items.ids(Number(listing[1]), top ?? 20_000);
    return [200, { queryType: 'flat', queryResultType: 'workItem', workItems: ids.map((id) => ({ id })) }];
  }
  const search = /FROM WorkItems WHERE \[System\.Title\] CONTAINS '((?:[^']|'')*)' ORDER BY \[System\.ChangedDate\] DESC$/i.exec(query);
  if (search) {
    const found = items.search(search[1]!.replace(/''/g, "'"), top ?? 20_000);
    return [200, { queryType: 'flat', queryResultType: 'workItem', workItems: found.map((item) => ({ id: item.id })) }];
  }
  return [400, error(`TF51005: the fake Azure DevOps does not understand this query: ${query}`)];
}
