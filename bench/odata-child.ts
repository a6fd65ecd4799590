import { setTimeout as pause } from 'node:timers/promises';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings } from '../shared/config/settings.js';
import { createRequestHandler } from '../shared/http/handle-request.js';
import { routes } from '../shared/http/routes/index.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import { exportCaller } from './export-data.js';
import { StepClock } from './step-clock.js';

/**
 * Every worklog of the org read through the route table, page after page, in a process of
 * its own (so that its peak RSS is its own): `tsx bench/odata-child.ts <odata|rest|idle>
 * <data dir> <store file>` prints { rows, seconds, bytes, pages, maxRssMb, maxBlockMs, maxBlockCpuMs }.
 * odata follows @odata.nextLink of /odata/v3.2/workLogsOnly (1,000 a page); rest follows
 * the continuation token of /rest/workLogs/all ($count=500). Each answer is serialized as
 * the host would send it.
 */
async function main() {
  const [mode, dir, file] = process.argv.slice(2) as [string, string, string];
  const clock = new StepClock(new Date('2026-01-01T00:00:00Z'), 1);
  const store = new SqliteDocumentStore(file, clock);
  // One reader paging a year through is far past a per-user minute's budget: the limit is not what is measured.
  const app = await composeApp(loadSettings({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' }), { store, clock });
  const { token } = await createApiToken(app.ports, exportCaller(ADMIN, ['admin']), { name: 'bench', expiresInDays: 365 });
  const handle = createRequestHandler(app, routes, () => {});
  const header = (name: string) => (name === 'authorization' ? `Bearer ${token}` : name === 'host' ? 'localhost' : undefined);
  const get = async (path: string, query: URLSearchParams) => {
    const out = await handle({ method: 'GET', path, query, header });
    if (out.status !== 200) throw new Error(`${out.status} ${JSON.stringify(out.body).slice(0, 300)}`);
    const text = JSON.stringify(out.body);
    return { body: out.body as Record<string, unknown>, headers: out.headers ?? {}, bytes: Buffer.byteLength(text) };
  };
  let [rows, bytes, pages] = [0, 0, 0];
  // The longest stretch the event loop was held: the widest gap between ticks of a 1 ms timer,
  // in wall time and in this process's CPU time (on a busy machine the wall gap also holds
  // the time the process waited for a core). The driver lets the loop turn between requests,
  // as requests over a socket would.
  let [lastTick, lastCpu, maxBlockMs, maxBlockCpuMs] = [performance.now(), process.cpuUsage(), 0, 0];
  const ticker = setInterval(() => {
    const [now, cpu] = [performance.now(), process.cpuUsage()];
    maxBlockMs = Math.max(maxBlockMs, now - lastTick);
    maxBlockCpuMs = Math.max(maxBlockCpuMs, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000);
    [lastTick, lastCpu] = [now, cpu];
  }, 1);
  const started = performance.now();
  if (mode === 'odata') {
    let next: URL | undefined = new URL('http://localhost/api/odata/v3.2/workLogsOnly');
    while (next) {
      await pause(0);
      const page = await get(next.pathname.slice('/api'.length), next.searchParams);
      rows += (page.body.value as unknown[]).length;
      bytes += page.bytes;
      pages++;
      const link = page.body['@odata.nextLink'] as string | undefined;
      next = link ? new URL(link) : undefined;
    }
  } else if (mode === 'rest') {
    let continuation: string | undefined;
    do {
      const query = new URLSearchParams({ $count: '500', ...(continuation ? { $continuationToken: continuation } : {}) });
      await pause(0);
      const page = await get('/rest/workLogs/all', query);
      rows += (page.body.data as unknown[]).length;
      bytes += page.bytes;
      pages++;
      continuation = page.headers['X-Continuation-Token'];
    } while (continuation);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  await store.close();
  console.log(JSON.stringify({ rows, seconds, bytes, pages, maxRssMb: process.resourceUsage().maxRSS / 1024, maxBlockMs, maxBlockCpuMs }));
}

/** Not among the users who own worklogs. */
const ADMIN = 1_000_000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
