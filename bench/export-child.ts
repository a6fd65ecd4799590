import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings } from '../shared/config/settings.js';
import { readWorklogBatches } from '../shared/exports/read-worklog-batches.js';
import { exportedWorklogs } from '../shared/exports/export-worklogs.js';
import { createRequestHandler } from '../shared/http/handle-request.js';
import { routes } from '../shared/http/routes/index.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import { exportCaller } from './export-data.js';
import { StepClock } from './step-clock.js';

/**
 * One export in a process of its own, so that its peak RSS is its own:
 * `tsx bench/export-child.ts <csv|xlsx|baseline|read|idle> <data dir> <store file>` (or the bundle
 * bench/export-files.ts builds of it, run by plain node) prints
 * { rows, seconds, bytes, maxRssMb } as JSON. csv and xlsx go through the route table as a
 * request would (auth, role rules, the streamed file); the baseline reads the same pages
 * and writes each worklog's fields joined by commas: no quoting, no BOM, no conversions.
 * `read` reads the pages and writes nothing: what no writer can beat on this machine.
 */
async function main() {
  const [mode, dir, file] = process.argv.slice(2) as [string, string, string];
  const clock = new StepClock(new Date('2026-01-01T00:00:00Z'), 1);
  const store = new SqliteDocumentStore(file, clock);
  const app = await composeApp(loadSettings({ DATA_DIR: dir }), { store, clock });
  const admin = exportCaller(EXPORT_ADMIN, ['admin']);
  let rows = 0;
  let bytes = 0;
  const started = performance.now();
  if (mode === 'idle') {
    // The process alone (node, the composed app): what the other rows' RSS stands on.
  } else if (mode === 'baseline' || mode === 'read') {
    const selection = await exportedWorklogs(app.ports, { ...admin, access: { role: 'administrator', teams: [], billingAdmin: true } }, {});
    for await (const batch of readWorklogBatches(store, selection, new AbortController().signal)) {
      if (mode === 'read') {
        rows += batch.length;
        continue;
      }
      const text = batch.map((w) => [w.localDay, w.timestamp, w.endTimestamp, w.user.name, w.user.uniqueName, w.workItemId, w.activityTypeId, w.comment, w.length, w.billableLength, w.flags.isBillable, w.id].join(',')).join('\n');
      bytes += Buffer.byteLength(text);
      rows += batch.length;
    }
  } else {
    const { token } = await createApiToken(app.ports, admin, { name: 'bench', expiresInDays: 365 });
    const handle = createRequestHandler(app, routes, () => {});
    const out = await handle({ method: 'GET', path: '/exports/workLogs', query: new URLSearchParams({ format: mode }), header: (n) => (n === 'authorization' ? `Bearer ${token}` : undefined) });
    if (!out.stream) throw new Error(`${out.status} ${JSON.stringify(out.body)}`);
    for await (const chunk of out.stream) bytes += chunk.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
    console.log(JSON.stringify({ rows, seconds, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** Not among the users who own worklogs, so that the admin's API token adds no worklog. */
const EXPORT_ADMIN = 1_000_000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
