import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { LocalDevOpsDirectory } from './local-devops-directory.js';
import { findSeedOrganization, localDevOpsSeed, type DevOpsSeed, type SeedOrganization } from './local-seed.js';
import { COLLECTION_NAMESPACE_ID, COLLECTION_TOKEN } from './rest-devops-directory.js';

export interface FakeDevOpsServerOptions {
  accessTokenSecret: string;
  /** The bearer token Timehub's own identity presents for work item reads. */
  serviceToken: string;
  seed?: DevOpsSeed;
}

/** Bits every member holds in the Collection namespace: GENERIC_READ only. */
const MEMBER_COLLECTION_BITS = 1;
/** Azure DevOps' own limit, kept apart from the adapter's so a wrong chunk size fails the tests. */
const MAX_IDS_PER_REQUEST = 200;

/**
 * Azure DevOps' REST surface that RestDevOpsDirectory calls, served from the seed, so the
 * REST adapter runs for real against local data. Not listening: the caller picks the port.
 */
export function createFakeDevOpsServer(options: FakeDevOpsServerOptions): Server {
  return createServer(fakeDevOpsHandler(options));
}

export function fakeDevOpsHandler(options: FakeDevOpsServerOptions): RequestListener {
  const seed = options.seed ?? localDevOpsSeed;
  const directory = new LocalDevOpsDirectory({ accessTokenSecret: options.accessTokenSecret, seed });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.devops');
    const [orgName = '', apis, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const org = findSeedOrganization(orgName, seed);
    if (req.method !== 'GET' || apis !== '_apis') return send(res, 404, error('Not found'));
    if (!org) return send(res, 404, error(`TF400813: organization ${orgName} not found`));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const resource = rest.join('/').toLowerCase();

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

    if (resource === 'wit/workitems') {
      if (!sameSecret(bearer, options.serviceToken)) return send(res, 401, error('Unauthorized'));
      return sendWorkItems(res, org, url.searchParams);
    }
    return send(res, 404, error('Not found'));
  }

  return (req, res) => {
    route(req, res).catch((cause: unknown) => send(res, 500, error(String(cause))));
  };
}

function sendWorkItems(res: ServerResponse, org: SeedOrganization, query: URLSearchParams): void {
  const ids = (query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
    return send(res, 400, error('ids must be a comma-separated list of work item ids'));
  }
  if (ids.length > MAX_IDS_PER_REQUEST) {
    const message = `VS403474: You requested ${ids.length} work items which exceeds the limit of ${MAX_IDS_PER_REQUEST}`;
    return send(res, 400, error(message));
  }
  const fields = query.get('fields')?.split(',');
  const items = ids.map((id) => org.workItems.find((item) => item.id === id));
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
