import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { localDevOpsSeed } from '../../shared/adapters/devops/local-seed.js';
import type { Settings } from '../../shared/config/settings.js';
import type { Clock } from '../../shared/ports/clock.js';
import { mintDevTokens } from './dev-tokens.js';
import { EXTENSION_DIR, readManifest } from './extension-manifest.js';
import { DEVOPS_PREFIX, createLocalDevOpsRest, sendJson } from './local-devops-rest.js';
import { sendStaticFile } from './static-files.js';

export interface DevHostOptions {
  settings: Settings;
  clock: Clock;
  /** The product version shown as the extension's version. */
  version: string;
  extensionDir?: string;
}

const tokenRequest = z.strictObject({ org: z.string().min(1), user: z.string().min(1) });

/**
 * Everything of `npm start` outside /api: the page that plays Azure DevOps (/), the
 * extension's built bundles (/dist/...), the dev tokens and directory it needs (/_devhost/...)
 * and the local Azure DevOps REST surface (/_devops/...). Local only: see devHostAllowed.
 */
export function createDevHostHandler(options: DevHostOptions): RequestListener {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const hostDist = join(extensionDir, 'dev-host', 'dist');
  const bundles = join(extensionDir, 'dist');
  const devOpsRest = createLocalDevOpsRest(options.settings.LOCAL_DEVOPS_SECRET);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith(DEVOPS_PREFIX)) return devOpsRest(req, res, url);
    if (path === '/_devhost/directory' && req.method === 'GET') return sendJson(res, 200, await directory(options, extensionDir));
    if (path === '/_devhost/tokens' && req.method === 'POST') return sendTokens(req, res, options);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 404, { error: { code: 'route.not_found', message: `no ${req.method} ${path}` } });
    if (path.startsWith('/dist/') && (await sendStaticFile(res, bundles, path.slice('/dist/'.length)))) return undefined;
    if (path === '/' && (await sendStaticFile(res, hostDist, 'index.html'))) return undefined;
    if (path.startsWith('/assets/') && (await sendStaticFile(res, hostDist, path.slice(1)))) return undefined;
    if (path === '/' || path.startsWith('/dist/')) return notBuilt(res);
    return sendJson(res, 404, { error: { code: 'route.not_found', message: `nothing at ${path}; the API lives under /api, the dev host at /` } });
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('dev host:', error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'dev_host.failed', message: String(error) } });
    });
  };
}

/** What the dev host page needs to play Azure DevOps: the seeded orgs and the extension's manifest. */
async function directory(options: DevHostOptions, extensionDir: string) {
  const manifest = await readManifest('dev', extensionDir);
  return {
    extension: { publisherId: manifest.publisher, extensionId: manifest.id, name: manifest.name, version: options.version },
    contributions: manifest.contributions,
    organizations: localDevOpsSeed.organizations.map((org) => ({
      id: org.id,
      name: org.name,
      users: org.users.map(({ name, id, displayName, uniqueName, isCollectionAdmin }) => ({ name, id, displayName, uniqueName, isCollectionAdmin })),
      workItems: org.workItems,
    })),
  };
}

async function sendTokens(req: IncomingMessage, res: ServerResponse, options: DevHostOptions) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    body = undefined;
  }
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) return sendJson(res, 400, { error: { code: 'request.invalid', message: 'give { org, user }' } });
  const tokens = await mintDevTokens(options.settings, parsed.data.org, parsed.data.user, options.clock.now());
  if (!tokens) return sendJson(res, 404, { error: { code: 'not_found', message: `no seeded ${parsed.data.user} in ${parsed.data.org}` } });
  return sendJson(res, 200, tokens);
}

function notBuilt(res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The extension UI is not built yet. `npm start` builds it (extension/dist, extension/dev-host/dist).\n');
}
