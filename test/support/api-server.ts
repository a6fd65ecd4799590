import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { issueLocalAccessToken } from '../../shared/adapters/devops/local-access-token.js';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { LocalQueueWorker } from '../../shared/adapters/local-queue/local-queue-worker.js';
import { composeApp, composeWorker, outboxFolder } from '../../shared/composition.js';
import { LOCAL_SECRETS, loadSettings } from '../../shared/config/settings.js';
import { createLocalHost } from '../../shared/http/local-host.js';
import type { AppContext } from '../../shared/http/route.js';
import { routes } from '../../shared/http/routes/index.js';
import type { DocumentStore } from '../../shared/ports/document-store.js';
import { MutableClock } from './mutable-clock.js';

export type OrgName = 'fabrikam' | 'contoso';
export type UserName = 'alice' | 'bob' | 'carol';

export interface TestApi {
  url: string;
  app: AppContext;
  clock: MutableClock;
  store: DocumentStore;
  /** The embedded queue's worker: tests move the clock, then call runDue(). */
  worker: LocalQueueWorker;
  /** Where the local mailer writes .eml files. */
  outbox: string;
  dataDir: string;
  /** Signs in through POST /api/session, as the extension does, and returns the session token. */
  signIn(org: OrgName, user: UserName): Promise<string>;
  /** An app token as the extension's certificate would sign it. */
  appToken(org: OrgName, user: UserName, options?: { audience?: string; secret?: string; expiresIn?: string }): Promise<string>;
  accessToken(org: OrgName, user: UserName): Promise<string>;
  close(): Promise<void>;
}

/** The local host over the route table on a free port, with a clock the test drives. */
export interface TestApiOptions {
  store?: DocumentStore;
  clock?: MutableClock;
  env?: Record<string, string>;
  /** Reuse a data folder, as a restarted `npm start` would: store, queue and outbox on disk, kept on close. */
  dataDir?: string;
  /** Where the local host's log lines go (request lines, streams cut short); dropped otherwise. */
  log?: (line: string) => void;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const clock = options.clock ?? new MutableClock(new Date());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'timehub-test-'));
  // Tests drive one user far past any per-user limit on a frozen clock: off unless a test sets it (test/compat/rate-limit.test.ts).
  const settings = loadSettings({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', ...options.env });
  const store = options.store ?? (options.dataDir ? undefined : new SqliteDocumentStore(':memory:', clock));
  const app = await composeApp(settings, { clock, ...(store ? { store } : {}) });
  const worker = await composeWorker(app, settings, () => {});
  if (!worker) throw new Error('tests run on the embedded queue');
  const server = createLocalHost(app, routes, options.log ?? (() => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const appToken: TestApi['appToken'] = async (org, user, o = {}) => {
    const seeded = findSeedUser(org, user);
    if (!seeded) throw new Error(`no seeded ${user} in ${org}`);
    return new SignJWT({ nameid: seeded.id, tid: 'test-tenant' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('app.vstoken.visualstudio.com')
      .setAudience(o.audience ?? settings.APP_TOKEN_AUDIENCES[0] ?? '')
      .setNotBefore(Math.floor(clock.now().getTime() / 1000) - 60)
      .setExpirationTime(o.expiresIn ?? '70m')
      .sign(new TextEncoder().encode(o.secret ?? LOCAL_SECRETS.appToken));
  };
  const accessToken: TestApi['accessToken'] = (org, user) => issueLocalAccessToken(settings.LOCAL_DEVOPS_SECRET, org, user);

  return {
    url, app, clock, store: app.ports.store, worker, outbox: outboxFolder(settings), dataDir, appToken, accessToken,
    async signIn(org, user) {
      const res = await fetch(`${url}/api/session`, {
        method: 'POST',
        body: JSON.stringify({ organization: org, appToken: await appToken(org, user), accessToken: await accessToken(org, user) }),
      });
      const body = (await res.json()) as { data: { token: string } };
      if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
      return body.data.token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await app.ports.store.close();
      await (app.ports.queue as { close?: () => Promise<void> }).close?.();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small fetch wrapper: JSON in, status and JSON out. */
export function client(api: TestApi, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}/api${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as { data?: any; error?: { code: string; message: string; details?: any[] } } };
  };
}
