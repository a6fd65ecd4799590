import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings } from '../shared/config/settings.js';
import type { Worklog } from '../shared/domain/worklog.js';
import { createRequestHandler } from '../shared/http/handle-request.js';
import { routes } from '../shared/http/routes/index.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import type { Caller } from '../shared/identity/caller.js';
import { toDoc, WORKLOG_ORDER } from '../shared/worklogs/worklog-documents.js';
import { SKIP_WINDOW } from '../shared/contracts/worklogs.js';
import { StepClock } from './step-clock.js';

/** The attack's depth: one member with this many worklogs. */
const DEEP = 30_000;
/** The org's other users, as many as the tracker fleet (10,000 per BENCH_SCALE), with a few worklogs each. */
const USERS_PER_SCALE = 10_000;
const PER_USER = 7;
const RUNS = 20;
const HOUR = 3_600_000;
const START = Date.parse('2024-01-01T00:00:00Z');

function worklog(caller: Caller, k: number): Worklog {
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const start = START + k * HOUR;
  return {
    id: `${caller.user.id}-${k}`, userId: caller.user.id, user: caller.user, addedByUser: caller.user,
    timestamp: at(start), endTimestamp: at(start + 1800_000), length: 1800, billableLength: 1800, utcOffsetMinutes: 0,
    localDay: at(start).slice(0, 10), workItemId: (k % 20) + 1, targetId: null, comment: `seeded ${k}`, activityTypeId: null,
    createdTimestamp: at(start), editedTimestamp: null, flags: { isTracked: false, isManuallyEntered: true, isChanged: false, isBillable: true },
    stopReason: null,
  };
}

function caller(i: number, roles: Caller['roles'] = []): Caller {
  const org = findSeedOrganization('fabrikam')!;
  return { orgId: org.id, orgName: org.name, user: { id: `list-user-${i}`, name: `List User ${i}`, uniqueName: `list${i}@fabrikam.example` }, roles };
}

/**
 * Worklog list pages on a store the size of the bench's largest: how long one request
 * holds the event loop (SQLite runs on it). Baseline: the unbounded deep $skip that a
 * page used to run (the store query with OFFSET 29,500), measured on the same store.
 */
export async function listPagesTable(dir: string, scale: number): Promise<string> {
  const clock = new StepClock(new Date(START + (DEEP + 24) * HOUR), 1);
  const store = new SqliteDocumentStore(join(dir, 'list-pages.sqlite'), clock);
  const app = await composeApp(loadSettings({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' /* the bench drives few users far past any per-user limit */ }), { store, clock });
  const [member, admin] = [caller(0), caller(1, ['admin'])];
  const others = Array.from({ length: USERS_PER_SCALE * scale }, (_, i) => caller(i + 2));
  for (let k = 0; k < DEEP; k += 100) {
    await store.batch('worklogs', toDoc(member.orgId, worklog(member, 0)).pk, Array.from({ length: 100 }, (_, j) => ({ op: 'create', doc: toDoc(member.orgId, worklog(member, k + j)) })));
  }
  for (const other of others) {
    await store.batch('worklogs', toDoc(other.orgId, worklog(other, 0)).pk, Array.from({ length: PER_USER }, (_, j) => ({ op: 'create', doc: toDoc(other.orgId, worklog(other, DEEP - 500 + j * 60)) })));
  }
  const tokenOf = async (c: Caller) => (await createApiToken(app.ports, c, { name: 'bench', expiresInDays: 365 })).token;
  const [memberToken, adminToken] = [await tokenOf(member), await tokenOf(admin)];
  const handle = createRequestHandler(app, routes, () => {});
  const get = async (token: string, path: string) => {
    const [route, search] = path.split('?');
    const out = await handle({ method: 'GET', path: route!, query: new URLSearchParams(search), header: (n) => (n === 'authorization' ? `Bearer ${token}` : undefined) });
    if (out.status !== 200) throw new Error(`${path}: ${out.status} ${JSON.stringify(out.body)}`);
    return out.headers?.['X-Continuation-Token'] ?? '';
  };
  /** A token for the page after `position`, reached by walking windows of $skip and tokens. */
  const tokenAt = async (token: string, path: string, position: number) => {
    let next = '';
    for (let seen = 0; seen < position; seen += 500) next = await get(token, `${path}$count=500${next ? `&$continuationToken=${next}` : ''}`);
    return next;
  };
  const filter = `$fromTimestamp=2024-01-01T00:00:00Z&$toTimestamp=2030-01-01T00:00:00Z&$workItemIds=${Array.from({ length: 10 }, (_, i) => i + 1).join(',')}&`;
  const deepMine = await tokenAt(memberToken, '/rest/workLogs?', DEEP - 500);
  const deepAll = await tokenAt(adminToken, `/rest/workLogs/all?${filter}`, 20_000);
  const cases: [string, () => Promise<unknown>][] = [
    ['baseline: old deep $skip (store OFFSET 29,500)', () => store.query('worklogs', { partition: { pk: toDoc(member.orgId, worklog(member, 0)).pk }, orderBy: [...WORKLOG_ORDER], offset: DEEP - 500, limit: 500 })],
    ['own list, first page ($count=500)', () => get(memberToken, '/rest/workLogs?$count=500')],
    [`own list, max $skip window ($skip=${SKIP_WINDOW - 500}&$count=500)`, () => get(memberToken, `/rest/workLogs?$skip=${SKIP_WINDOW - 500}&$count=500`)],
    [`own list, keyset page at ${DEEP - 500}`, () => get(memberToken, `/rest/workLogs?$count=500&$continuationToken=${deepMine}`)],
    ['own list, rare work item (no match in 30,000)', () => get(memberToken, '/rest/workLogs?$count=500&$workItemIds=999')],
    ['/all with filters, max $skip window', () => get(adminToken, `/rest/workLogs/all?${filter}$skip=${SKIP_WINDOW - 500}&$count=500`)],
    ['/all with filters, keyset page at 20,000', () => get(adminToken, `/rest/workLogs/all?${filter}$count=500&$continuationToken=${deepAll}`)],
    ['/all, rare work item (no match)', () => get(adminToken, '/rest/workLogs/all?$count=500&$workItemIds=999')],
  ];
  const rows: string[] = [];
  for (const [label, run] of cases) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const walls: number[] = [];
    delay.enable();
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await run();
      walls.push(performance.now() - t);
      await new Promise((resolve) => setImmediate(resolve));
    }
    delay.disable();
    walls.sort((a, b) => a - b);
    rows.push(`| ${label} | ${walls[RUNS / 2]!.toFixed(1)} | ${walls.at(-1)!.toFixed(1)} | ${(delay.max / 1e6).toFixed(1)} |`);
  }
  await store.close();
  const worklogs = DEEP + others.length * PER_USER;
  return [
    `worklog list pages on ${worklogs.toLocaleString('en')} worklogs (${(others.length + 1).toLocaleString('en')} users; one member holds ${DEEP.toLocaleString('en')}), ${RUNS} requests each, one at a time, in process:`,
    '| request | p50 ms | max ms | event-loop delay max ms |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
