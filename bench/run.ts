import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSide, type Side } from './bench-side.js';
import { budgetStatusTable } from './budget-status.js';
import { exportFilesTable } from './export-files.js';
import { functionsLoadTable } from './functions-load.js';
import { listPagesTable } from './list-pages.js';
import { odataFeedTable } from './odata-feed.js';
import { reportRollupsTable } from './report-rollups.js';
import { LoadDriver } from './load-driver.js';
import { machineNote, rollupCostTable, table, tallyFor, type Results } from './report.js';
import { CLOCK_START, scenarios, type Phase, type Scenario } from './scenarios.js';
import { trackerNotes, trackerTable } from './tracker-report.js';
import { runTrackerSide, type TrackerSideKind, type TrackerSideResult } from './tracker-scenario.js';
import { exitOnHelp } from '../scripts/usage.js';

/**
 * npm run bench: the hot paths through the local host (route table, zod, API-token auth)
 * against a bare node:http handler calling the same use cases, in one process, on the
 * embedded SQLite store. Then 10,000 trackers with their activity checks: the embedded
 * queue's worker against a sweep without a queue. BENCH_SCALE=2 doubles the measured
 * requests and the trackers.
 */
const CONCURRENCY = 8;
const scale = Number(process.env.BENCH_SCALE ?? '1') || 1;
const only = process.env.BENCH_ONLY;
const ROLLUP_WRITERS = ['add worklog', 'start/stop'];

/**
 * Timehub against its baseline: the bare handler, or (`against: 'without rollups'`) Timehub
 * on a store that keeps no rollups, tallied in the baseline's place.
 */
async function runScenario(driver: LoadDriver, dir: string, scenario: Scenario, results: Results, against: 'bare' | 'without rollups' = 'bare') {
  const { name, users, realClock, sessions } = scenario;
  const open = (kind: Side['kind'], withoutRollups = false) => openSide({ kind, dir, scenario: name, users, clockStart: CLOCK_START, realClock, sessions, withoutRollups });
  const sides = [await open('timehub'), against === 'bare' ? await open('bare') : await open('timehub', true)];
  try {
    for (const side of sides) await scenario.prepare?.(side);
    const runPhase = async (side: Side, phase: Phase) => driver.run(side.url, side.tokens, phase.requests, scenario.concurrency);
    for (const side of sides) {
      for (const phase of scenario.warmup) await runPhase(side, phase);
      side.store.take();
    }
    // The sides take turns, chunk by chunk, so that drift on the machine hits both alike.
    for (const [c, chunk] of scenario.chunks.entries()) {
      for (const side of c % 2 === 0 ? sides : [...sides].reverse()) {
        for (const phase of chunk) {
          const result = await runPhase(side, phase);
          tallyFor(results, phase.label, side === sides[0] ? 'timehub' : 'bare').add(result.latencies, result.seconds, side.store.take());
        }
      }
    }
  } finally {
    for (const side of sides) await side.close();
  }
}

/** BENCH_ONLY=exports: the export table alone (BENCH_EXPORT_ROWS worklogs, 1,000,000 by default). */
async function exportsOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'timehub-bench-'));
  try {
    console.log(await exportFilesTable(dir, Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BENCH_ONLY=odata: the OData feed table alone (BENCH_ODATA_ROWS worklogs, 2,000,000 by default). */
async function odataOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'timehub-bench-'));
  try {
    console.log(await odataFeedTable(dir, Number(process.env.BENCH_ODATA_ROWS ?? 2_000_000)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BENCH_ONLY=budgets: the budget status table alone (BENCH_BUDGET_ITEMS and BENCH_BUDGET_WORKLOGS set its size). */
async function budgetsOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'timehub-bench-'));
  try {
    console.log(await budgetStatusTable(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (only === 'exports') return exportsOnly();
  if (only === 'budgets') return budgetsOnly();
  if (only === 'odata') return odataOnly();
  const began = performance.now();
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'timehub-bench-'));
  const driver = new LoadDriver(CONCURRENCY);
  const results: Results = new Map();
  const rollupCost: Results = new Map();
  const trackers = {} as Record<TrackerSideKind, TrackerSideResult>;
  let listPages = '';
  let reports = '';
  try {
    // BENCH_ONLY=<part of a scenario name>: that scenario alone, without the trackers and the Functions table.
    for (const scenario of scenarios(scale).filter((s) => !only || s.name.includes(only))) {
      const t = performance.now();
      await runScenario(driver, dir, scenario, results);
      console.error(`${scenario.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    // BENCH_ONLY=rollups: what keeping rollups costs the writes that keep them.
    for (const scenario of scenarios(scale).filter((s) => ROLLUP_WRITERS.includes(s.name) && (!only || only === 'rollups'))) {
      const t = performance.now();
      await runScenario(driver, dir, scenario, rollupCost, 'without rollups');
      console.error(`${scenario.name} without rollups: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    for (const kind of only ? [] : (['queue', 'sweep'] as const)) {
      const t = performance.now();
      trackers[kind] = await runTrackerSide(kind, dir, Math.round(10_000 * scale), CLOCK_START);
      console.error(`trackers (${kind}): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    // BENCH_ONLY=reports: the reports table alone (BENCH_REPORT_USERS sets its size).
    if (!only || only === 'reports') reports = await reportRollupsTable(dir);
    if (!only) listPages = await listPagesTable(dir, scale);
  } finally {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (results.size) console.log(table(results));
  if (rollupCost.size) console.log(`\n${rollupCostTable(rollupCost)}`);
  console.log(machineNote(CONCURRENCY, loadBefore));
  if (reports) console.log(`\n${reports}`);
  if (only) return;
  console.log();
  console.log(trackerTable(trackers.queue, trackers.sweep));
  for (const note of trackerNotes(trackers.queue, trackers.sweep)) console.log(note);
  console.log();
  console.log(await functionsLoadTable());
  console.log();
  console.log(listPages);
  console.log();
  await exportsOnly();
  console.log();
  await odataOnly();
  console.log();
  await budgetsOnly();
  console.log(`bench took ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

exitOnHelp(`usage: npm run bench

Drives the hot paths over HTTP on the embedded SQLite store, each figure beside a bare
node:http baseline doing the same store calls; then 10,000 trackers, the Functions load,
list pages and exports. BENCH_ONLY='<text>' runs the scenarios whose name contains it;
BENCH_ONLY=rollups the cost of keeping rollups (add worklog, start/stop with and without);
BENCH_SCALE=2 doubles the measured requests and the trackers.`);
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
