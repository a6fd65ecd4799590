import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { LocalDevOpsDirectory } from './local-devops-directory.js';
import { findSeedOrganization, localDevOpsSeed, type DevOpsSeed } from './local-seed.js';
import { COLLECTION_NAMESPACE_ID, COLLECTION_TOKEN } from './rest-identity-json.js';
import { patchWorkItem, readWorkItem } from './fake-devops-updates.js';
import { MAX_IDS_PER_REQUEST, slidingWindow, throttled, wiql, workItemsBatch, type FakeRateLimit } from './fake-devops-work-items.js';
import type { SeedWorkItems } from './seed-work-items.js';

export interface FakeDevOpsServerOptions {
  accessTokenSecret: string;
  /** The bearer token Timehub's own identity presents for work item reads. */
  serviceToken: string;
  seed?: DevOpsSeed;
  /** Answer from this directory's work items, so that a test can change them (move an item) meanwhile. */
  directory?: LocalDevOpsDirectory;
  /** Refuse work item requests past this rate with 429 and Retry-After, as Azure DevOps does. */
  rateLimit?: FakeRateLimit;
  /** The Entra tenant each org is connected to (X-VSS-ResourceTenant); the org's id when left out. */
  tenantIds?: Record<string, string>;
  /** Called with each work item request's resource (e.g. 'wit/workitemsbatch'), to count them. */
  onWorkItemRequest?: (resource: string) => void;
}

/** Bits every member holds in the Collection namespace: GENERIC_READ only. */
const MEMBER_COLLECTION_BITS = 1;
const WORK_ITEM_POSTS = new Set(['wit/workitemsbatch', 'wit/wiql']);

/**
 * Azure DevOps' REST surface that RestDevOpsDirectory calls, served from the seed, so the
 * REST adapter runs for real against local data. Not listening: the caller picks the port.
 */
export function createFakeDevOpsServer(options: FakeDevOpsServerOptions): Server {
  return createServer(fakeDevOpsHandler(options));
}

export function fakeDevOpsHandler(options: FakeDevOpsServerOptions): RequestListener {
  const seed = options.seed ?? localDevOpsSeed;
  const directory = options.directory ?? new LocalDevOpsDirectory({ accessTokenSecret: options.accessTokenSecret, seed });
  const overLimit = options.rateLimit ? slidingWindow(options.rateLimit) : () => undefined;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.devops');
    const [orgName = '', apis, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const org = findSeedOrganization(orgName, seed);
    const resource = rest.join('/').toLowerCase();
    const isPost = req.method === 'POST' && WORK_ITEM_POSTS.has(resource);
    // One work item: `wit/workitems/{id}` (GET, PATCH) and `wit/workitems/{id}/revisions/{rev}` (GET).
    const single = /^wit\/workitems\/(\d+)(?:\/revisions\/(\d+))?$/.exec(resource);
    const isPatch = req.method === 'PATCH' && single !== null && single[2] === undefined;
    if ((req.method !== 'GET' && !isPost && !isPatch) || apis !== '_apis') return send(res, 404, error('Not found'));
    const items = directory.workItemsOf(orgName);
    if (!org || !items) return send(res, 404, error(`TF400813: organization ${orgName} not found`));
    // Azure DevOps names the org's Entra tenant on every answer, anonymous ones included.
    res.setHeader('x-vss-resourcetenant', options.tenantIds?.[org.name] ?? org.id);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';

    if (resource === 'connectiondata') {
      const data = await directory.connectionData(org.name, bearer);
      if (!data) return send(res, 401, error('Unauthorized'));
      const user = data.authenticatedUser;
      const identity = {
        id: user.id,
        descriptor: `Microsoft.IdentityModel.Claims.ClaimsIdentity;${user.uniqueName}`,
        providerDisplayName: user.displayName,
        isActive: true,
        properties: { Account: { $type: 'System.String', $value: user.uniqueName } },
      };
      return send(res, 200, { authenticatedUser: identity, authorizedUser: identity, instanceId: org.id, deploymentType: 'hosted' });
    }
    if (!url.searchParams.get('api-version')) return send(res, 400, error('No api-version was supplied'));

    if (rest[0] === 'permissions' && rest.length === 3) {
      const data = await directory.connectionData(org.name, bearer);
      if (!data) return send(res, 401, error('Unauthorized'));
      const [, namespaceId = '', bitsText = ''] = rest;
      const bits = Number(bitsText);
      const admin = await directory.isCollectionAdmin(org.name, bearer);
      const granted = admin ? ~0 : MEMBER_COLLECTION_BITS;
      const tokens = (url.searchParams.get('tokens') ?? '').split(url.searchParams.get('delimiter') ?? ',');
      // Security tokens are case-insensitive; only the Collection root is modelled.
      const value = tokens.map(
        (token) =>
          namespaceId.toLowerCase() === COLLECTION_NAMESPACE_ID &&
          token.toUpperCase() === COLLECTION_TOKEN &&
          (bits & granted) === bits,
      );
      return send(res, 200, { count: value.length, value });
    }

    if (single) {
      if (!sameSecret(bearer, options.serviceToken)) return send(res, 401, error('Unauthorized'));
      options.onWorkItemRequest?.(isPatch ? 'wit/workitems/{id} PATCH' : 'wit/workitems/{id}');
      const retryAfter = overLimit() ?? directory.takeThrottle();
      if (retryAfter !== undefined) return throttled(res, retryAfter);
      const orgUrl = `http://${req.headers.host ?? 'fake.devops'}/${org.name}`;
      const id = Number(single[1]);
      const [status, answer] = isPatch
        ? patchWorkItem(items, id, req.headers['content-type'], await readJson(req), orgUrl)
        : readWorkItem(items, id, single[2] === undefined ? undefined : Number(single[2]), orgUrl);
      return send(res, status, answer);
    }
    if (resource === 'wit/fields') {
      if (!sameSecret(bearer, options.serviceToken)) return send(res, 401, error('Unauthorized'));
      options.onWorkItemRequest?.(resource);
      const retryAfter = overLimit();
      if (retryAfter !== undefined) return throttled(res, retryAfter);
      const value = (await directory.workItemFieldDefinitions(org.name)).map((field) => ({ ...field, usage: 'workItem', readOnly: false }));
      return send(res, 200, { count: value.length, value });
    }
    if (resource === 'wit/workitems' || isPost) {
      if (!sameSecret(bearer, options.serviceToken)) return send(res, 401, error('Unauthorized'));
      options.onWorkItemRequest?.(resource);
      const retryAfter = overLimit();
      if (retryAfter !== undefined) return throttled(res, retryAfter);
      if (resource === 'wit/workitems') return sendWorkItems(res, items, url.searchParams);
      const body = await readJson(req);
      const orgUrl = `http://${req.headers.host ?? 'fake.devops'}/${org.name}`;
      const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) : undefined;
      const [status, answer] = resource === 'wit/wiql' ? wiql(items, body, top) : workItemsBatch(items, body, orgUrl);
      return send(res, status, answer);
    }
    return send(res, 404, error('Not found'));
  }

  return (req, res) => {
    route(req, res).catch((cause: unknown) => send(res, 500, error(String(cause))));
  };
}

function sendWorkItems(res: ServerResponse, seeded: SeedWorkItems, query: URLSearchParams): void {
  const ids = (query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
    return send(res, 400, error('ids must be a comma-separated list of work item ids'));
  }
  if (ids.length > MAX_IDS_PER_REQUEST) {
    const message = `VS403474: You requested ${ids.length} work items which exceeds the limit of ${MAX_IDS_PER_REQUEST}`;
    return send(res, 400, error(message));
  }
  const fields = query.get('fields')?.split(',');
  const found = new Map(seeded.details(ids).map((item) => [item.id, item]));
  const items = ids.map((id) => found.get(id));
  if (query.get('errorPolicy')?.toLowerCase() !== 'omit' && items.includes(undefined)) {
    return send(res, 404, error('TF401232: Work item does not exist, or you do not have permissions to read it.'));
  }
  const value = items.map((item) => {
    if (!item) return null;
    const all: Record<string, string> = {
      'System.Title': item.title,
      'System.WorkItemType': item.type,
      'System.State': item.state,
    };
    const selected = Object.entries(all).filter(([name]) => !fields || fields.includes(name));
    return { id: item.id, rev: 1, fields: Object.fromEntries(selected) };
  });
  send(res, 200, { count: value.length, value });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function error(message: string): { message: string; typeKey: string } {
  return { message, typeKey: 'FakeDevOpsException' };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
