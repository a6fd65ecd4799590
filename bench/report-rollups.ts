import { join } from 'node:path';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { timeReportQuery } from '../shared/contracts/reports.js';
import type { Caller } from '../shared/identity/caller.js';
import type { ContainerName, Document, Query } from '../shared/ports/document-store.js';
import { reportTime } from '../shared/reports/report-time.js';
import { userPartition } from '../shared/worklogs/user-ledger.js';
import type { WorklogDoc } from '../shared/worklogs/worklog-documents.js';
import { CountingStore } from './counting-store.js';
import { REPORT_YEAR, seedReportData } from './report-seed.js';
import { StepClock } from './step-clock.js';

const RUNS = 20;
const SCAN_PAGE = 5_000;

/** Counts the documents queries return too: on Cosmos a query is billed by what it reads. */
class DocCountingStore extends CountingStore {
  docs = 0;
  override async query<T extends Document>(container: ContainerName, query: Query) {
    const found = await super.query<T>(container, query);
    this.docs += found.length;
    return found;
  }
}

/**
 * The same year report by user × month, computed by reading every worklog of the year:
 * each user's partition through its localDay index, in keyset pages.
 */
async function scanReport(store: DocCountingStore, orgId: string, userIds: readonly string[]) {
  const sums = new Map<string, number>();
  for (const userId of userIds) {
    let after: [string, string] | undefined;
    for (;;) {
      const page = await store.query<WorklogDoc>('worklogs', {
        partition: { pk: userPartition(orgId, userId) },
        where: [{ field: 'type', op: '=', value: 'worklog' }, { field: 'localDay', op: '>=', value: `${REPORT_YEAR}-01-01` }, { field: 'localDay', op: '<=', value: `${REPORT_YEAR}-12-31` }],
        orderBy: [{ field: 'localDay', direction: 'asc' }, { field: 'id', direction: 'asc' }],
        after, limit: SCAN_PAGE,
      });
      for (const w of page) {
        const key = `${w.userId} ${w.localDay.slice(0, 7)}`;
        sums.set(key, (sums.get(key) ?? 0) + w.length);
      }
      if (page.length < SCAN_PAGE) break;
      after = [page.at(-1)!.localDay, page.at(-1)!.id];
    }
  }
  return sums;
}

const p95 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;

/**
 * A year report grouped by user × month over BENCH_REPORT_USERS (default 1,000) users ×
 * 250 workdays × 8 worklogs, seeded straight into the embedded store with their rollups;
 * beside it the same report computed by scanning the worklogs, in the same run.
 */
export async function reportRollupsTable(dir: string): Promise<string> {
  const users = Number(process.env.BENCH_REPORT_USERS ?? '1000') || 1000;
  const [days, perDay] = [250, 8];
  const clock = new StepClock(new Date(Date.UTC(REPORT_YEAR + 1, 0, 5)), 1);
  const sqlite = new SqliteDocumentStore(join(dir, 'reports.sqlite'), clock);
  const store = new DocCountingStore(sqlite);
  const seeding = performance.now();
  const { orgId, orgName, userIds } = await seedReportData(sqlite, users, days, perDay);
  const seedSeconds = (performance.now() - seeding) / 1000;
  const admin: Caller = { orgId, orgName, user: { id: 'report-admin', name: 'Admin', uniqueName: 'admin@fabrikam.example' }, roles: ['admin'], access: { role: 'administrator', teams: [], billingAdmin: true } };
  const rows: string[] = [];
  let rollupP95 = 0;
  for (const [label, search] of [
    ['year by user × month (rollups)', `from=${REPORT_YEAR}-01-01&to=${REPORT_YEAR}-12-31&groupBy=user,month`],
    ['year by user × week (day rollups)', `from=${REPORT_YEAR}-01-01&to=${REPORT_YEAR}-12-31&groupBy=user,week`],
    ['one user, year by day', `from=${REPORT_YEAR}-01-01&to=${REPORT_YEAR}-12-31&groupBy=day&users=${userIds[0]}`],
  ] as const) {
    const query = timeReportQuery.parse(Object.fromEntries(new URLSearchParams(search)));
    const walls: number[] = [];
    let answer: Awaited<ReturnType<typeof reportTime>> | undefined;
    // A few unmeasured runs first, so that p95 measures the path and not the JIT.
    for (let r = 0; r < 3; r++) await reportTime({ store }, admin, query);
    store.take();
    store.docs = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      answer = await reportTime({ store }, admin, query);
      walls.push(performance.now() - t);
    }
    const counts = store.take();
    walls.sort((a, b) => a - b);
    if (!rollupP95) rollupP95 = p95(walls);
    rows.push(`| ${label} | ${walls[RUNS / 2]!.toFixed(1)} | ${p95(walls).toFixed(1)} | ${counts.reads / RUNS} reads, ${counts.queries / RUNS} queries, ${store.docs / RUNS} documents | ${answer!.rows.length} |`);
  }
  store.take();
  store.docs = 0;
  const scanStart = performance.now();
  const scanned = await scanReport(store, orgId, userIds);
  const scanMs = performance.now() - scanStart;
  const scanCounts = store.take();
  rows.push(`| same year by user × month, scanning worklogs (once) | ${scanMs.toFixed(0)} | ${scanMs.toFixed(0)} | ${scanCounts.queries} queries, ${store.docs} documents | ${scanned.size} |`);
  await sqlite.close();
  const worklogs = users * days * perDay;
  return [
    `reports on ${worklogs.toLocaleString('en')} worklogs (${users.toLocaleString('en')} users × ${days} workdays × ${perDay}; seeded with their rollups in ${seedSeconds.toFixed(0)} s), ${RUNS} reports each, one at a time, in process:`,
    '| report | p50 ms | p95 ms | store cost per report | rows |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    `year report by user × month: p95 ${rollupP95.toFixed(1)} ms (goal ≤ 100 ms), ${(scanMs / rollupP95).toFixed(0)}× faster than scanning the worklogs (goal ≥ 100×)`,
  ].join('\n');
}
