import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { findSeedOrganization, type SeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import type { WorkItem } from '../../shared/ports/devops-directory.js';

export const DEVOPS_PREFIX = '/_devops/';

/**
 * The slice of Azure DevOps' REST API the extension calls through azure-devops-extension-api
 * (the dev host's location service points its clients here): connectionData and work items,
 * answered from the seeded directory for the user's local access token.
 */
export function createLocalDevOpsRest(accessTokenSecret: string) {
  const directory = new LocalDevOpsDirectory({ accessTokenSecret });

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const [orgName = '', apis, ...rest] = url.pathname.slice(DEVOPS_PREFIX.length).split('/').filter(Boolean);
    const org = findSeedOrganization(decodeURIComponent(orgName));
    if (!org || apis !== '_apis') return sendJson(res, 404, vssError(`TF400813: no organization ${orgName} here`));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const connection = await directory.connectionData(org.name, token);
    if (!connection) return sendJson(res, 401, vssError('TF400813: the access token is not valid for this organization'));
    const resource = rest.join('/').toLowerCase();
    if (resource === 'connectiondata') return sendJson(res, 200, { authenticatedUser: connection.authenticatedUser, instanceId: org.id });
    const unwrapped = (req.headers.accept ?? '').includes('noArrayWrap=true');
    if (resource === 'wit/workitems') return sendWorkItems(res, org, url.searchParams, unwrapped);
    const single = /^wit\/workitems\/(\d+)$/.exec(resource);
    if (single) {
      const item = org.workItems.find((candidate) => candidate.id === Number(single[1]));
      return item ? sendJson(res, 200, restWorkItem(org, item)) : sendJson(res, 404, vssError(`TF401232: Work item ${single[1]} does not exist.`));
    }
    return sendJson(res, 404, vssError(`no local resource ${resource}`));
  };
}

function sendWorkItems(res: ServerResponse, org: SeedOrganization, query: URLSearchParams, unwrapped: boolean) {
  const ids = (query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
  if (ids.length === 0 || ids.length > 200 || ids.some((id) => !Number.isSafeInteger(id))) {
    return sendJson(res, 400, vssError('ids must be 1 to 200 comma-separated work item ids'));
  }
  const omitMissing = ['2', 'omit'].includes((query.get('errorPolicy') ?? '').toLowerCase());
  const items = ids.map((id) => org.workItems.find((item) => item.id === id));
  if (!omitMissing && items.includes(undefined)) return sendJson(res, 404, vssError('TF401232: a work item does not exist'));
  const value = items.map((item) => (item ? restWorkItem(org, item) : null));
  return sendJson(res, 200, unwrapped ? value : { count: value.length, value });
}

function restWorkItem(org: SeedOrganization, item: WorkItem) {
  return {
    id: item.id,
    rev: 1,
    fields: { 'System.Title': item.title, 'System.WorkItemType': item.type, 'System.State': item.state, 'System.TeamProject': org.name },
  };
}

const vssError = (message: string) => ({ message, typeKey: 'LocalDevOpsException' });

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
