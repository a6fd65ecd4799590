import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { LocalDevOpsDirectory } from '../shared/adapters/devops/local-devops-directory.js';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { listBudgets } from '../shared/budgets/budget-docs.js';
import { budgetView } from '../shared/budgets/budget-view.js';
import { byWorkItem, evaluateSubtree, type BudgetPorts } from '../shared/budgets/evaluate-budgets.js';
import { budgetStatus, listBudgetViews } from '../shared/budgets/read-budgets.js';
import { readOrgWorkItemTotals } from '../shared/budgets/work-item-totals.js';
import type { Caller } from '../shared/identity/caller.js';
import type { Clock } from '../shared/ports/clock.js';
import { readChildren } from '../shared/work-items/work-item-docs.js';
import { userPartition } from '../shared/worklogs/user-ledger.js';
import type { WorklogDoc } from '../shared/worklogs/worklog-documents.js';
import { EPIC_ID, seedBudgetData } from './budget-seed.js';
import { CountingStore } from './counting-store.js';

const RUNS = 30;
const SCAN_PAGE = 5_000;
const NOW = new Date('2026-03-02T08:00:00Z');
const fixedClock: Clock = { now: () => new Date(NOW) };

const p95 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;

/**
 * The naive way to the same figure: walk the cached tree level by level, then read every
 * worklog of every user of the org and add those on an item of the tree.
 */
async function naiveWalk(store: CountingStore, orgId: string, userIds: readonly string[]) {
  const inTree = new Set([EPIC_ID]);
  for (let level = [EPIC_ID]; level.length > 0; ) {
    level = (await readChildren(store, orgId, level)).map((doc) => doc.item.id);
    for (const id of level) inTree.add(id);
  }
  let tracked = 0;
  for (const userId of userIds) {
    let after: [string] | undefined;
    for (;;) {
      const page = await store.query<WorklogDoc>('worklogs', {
        partition: { pk: userPartition(orgId, userId) }, where: [{ field: 'type', op: '=', value: 'worklog' }],
        orderBy: [{ field: 'id', direction: 'asc' }], after, limit: SCAN_PAGE,
      });
      for (const w of page) if (w.workItemId !== null && inTree.has(w.workItemId)) tracked += w.length;
      if (page.length < SCAN_PAGE) break;
      after = [page.at(-1)!.id];
    }
  }
  return tracked;
}

/** GET /rest/budgets as it was before budgets shared their walks: each budget's subtree walked on its own. */
async function listWalkingEach(ports: BudgetPorts, caller: Caller) {
  const [budgets, own] = await Promise.all([listBudgets(ports.store, caller.orgId), readOrgWorkItemTotals(ports, caller.orgId)]);
  const byItem = byWorkItem(budgets);
  const views = [];
  for (const budget of budgets) {
    const subtree = await evaluateSubtree(ports, { orgId: caller.orgId, orgName: caller.orgName }, budget.workItemId, byItem, own);
    views.push(budgetView(budget, subtree?.tracked.get(budget.workItemId)));
  }
  return views;
}

/** Medians of `runs` reads of the budget list, each way in turn, and the store cost of one. */
async function listTimes(store: CountingStore, ports: BudgetPorts, caller: Caller, runs: number) {
  const ways = { shared: () => listBudgetViews(ports, caller), each: () => listWalkingEach(ports, caller) };
  if (JSON.stringify(await ways.shared()) !== JSON.stringify(await ways.each())) throw new Error('the budget list differs between the two ways');
  const times = { shared: [] as number[], each: [] as number[] };
  const costs = { shared: 0, each: 0 };
  for (let r = 0; r < runs; r++) {
    for (const way of ['shared', 'each'] as const) {
      store.take();
      const t = performance.now();
      await ways[way]();
      times[way].push(performance.now() - t);
      costs[way] = store.take().queries;
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { shared: median(times.shared), each: median(times.each), costs, budgets: (await ways.shared()).length };
}

/**
 * BENCH_ONLY=budgets: GET /rest/budgets/status of an epic with BENCH_BUDGET_ITEMS (5,000)
 * descendants and BENCH_BUDGET_WORKLOGS (200,000) worklogs of 200 users, budgets on the
 * epic and its features, read from the cache and the all-time rollups; beside it the
 * naive walk that sums the worklogs, in the same run.
 */
export async function budgetStatusTable(dir: string): Promise<string> {
  const descendants = Number(process.env.BENCH_BUDGET_ITEMS ?? '5000') || 5000;
  const worklogs = Number(process.env.BENCH_BUDGET_WORKLOGS ?? '200000') || 200_000;
  const users = 200;
  const sqlite = new SqliteDocumentStore(join(dir, 'budgets.sqlite'), fixedClock);
  const store = new CountingStore(sqlite);
  const seeding = performance.now();
  const { orgId, orgName } = await seedBudgetData(sqlite, NOW, descendants, worklogs, users);
  const seedSeconds = (performance.now() - seeding) / 1000;
  const ports = { store, clock: fixedClock, directory: new LocalDevOpsDirectory({ accessTokenSecret: 'bench' }) };
  const admin: Caller = { orgId, orgName, user: { id: 'bench-admin', name: 'Admin', uniqueName: 'admin@fabrikam.example' }, roles: ['admin'], access: { role: 'administrator', teams: [], billingAdmin: true } };
  // Unmeasured runs first, so that p95 measures the path and not the JIT.
  for (let r = 0; r < 3; r++) await budgetStatus(ports, admin, EPIC_ID);
  store.take();
  const walls: number[] = [];
  // CPU time too: the read runs on this thread (SQLite is synchronous), so it is the wall time on an idle machine.
  const cpus: number[] = [];
  let answer: Awaited<ReturnType<typeof budgetStatus>> | undefined;
  for (let r = 0; r < RUNS; r++) {
    const [t, cpu] = [performance.now(), process.cpuUsage()];
    answer = await budgetStatus(ports, admin, EPIC_ID);
    walls.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const counts = store.take();
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const list = await listTimes(store, ports, admin, 10);
  const scanStart = performance.now();
  const userIds = Array.from({ length: users }, (_, u) => `budget-user-${u}`);
  const naive = await naiveWalk(store, orgId, userIds);
  const scanMs = performance.now() - scanStart;
  const scanCounts = store.take();
  await sqlite.close();
  const rolled = answer!.items[0]!.trackedTotal;
  if (rolled !== naive) throw new Error(`the status says ${rolled} s tracked on the epic, the worklogs ${naive} s`);
  const [median, slow, cpu] = [walls[Math.floor(RUNS / 2)]!, p95(walls), cpus[Math.floor(RUNS / 2)]!];
  return [
    `budget status of an epic with ${descendants.toLocaleString('en')} descendants and ${worklogs.toLocaleString('en')} worklogs of ${users} users (seeded in ${seedSeconds.toFixed(0)} s), ${RUNS} reads, one at a time, in process:`,
    '| read | p50 ms | p95 ms | p50 CPU ms | store cost per read | items |',
    '| --- | --- | --- | --- | --- | --- |',
    `| GET /rest/budgets/status (cache + all-time rollups) | ${median.toFixed(1)} | ${slow.toFixed(1)} | ${cpu.toFixed(1)} | ${counts.reads / RUNS} reads, ${counts.queries / RUNS} queries | ${answer!.items.length} |`,
    `| GET /rest/budgets (${list.budgets} budgets: the epic and its features), nested budgets walked with their parent | ${list.shared.toFixed(1)} | | | ${list.costs.shared} queries | |`,
    `| the same list, each budget's subtree walked on its own (before) | ${list.each.toFixed(1)} | | | ${list.costs.each} queries | |`,
    `| naive walk summing the worklogs (once) | ${scanMs.toFixed(0)} | ${scanMs.toFixed(0)} | | ${scanCounts.queries} queries | ${answer!.items.length} |`,
    `budget list: median ${list.shared.toFixed(1)} ms against ${list.each.toFixed(1)} ms walking each budget (${(list.each / list.shared).toFixed(1)}×)`,
    `budget status: median ${median.toFixed(1)} ms, p95 ${slow.toFixed(1)} ms, CPU ${cpu.toFixed(1)} ms (goal ≤ 50 ms), ${(scanMs / median).toFixed(0)}× faster than the naive walk; both say ${(naive / 3600).toLocaleString('en')} h; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  ].join('\n');
}
