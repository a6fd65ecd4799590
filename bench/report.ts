import { cpus, loadavg, totalmem } from 'node:os';
import type { StoreCounts } from './counting-store.js';
import type { SideKind } from './bench-side.js';

/** What one side did for one label, summed over its measured phases. */
export class Tally {
  private readonly latencies: number[] = [];
  private seconds = 0;
  private readonly counts: StoreCounts = { reads: 0, queries: 0, writes: 0, docsWritten: 0 };

  add(latencies: Float64Array, seconds: number, counts: StoreCounts) {
    for (const ms of latencies) this.latencies.push(ms);
    this.seconds += seconds;
    for (const key of Object.keys(counts) as (keyof StoreCounts)[]) this.counts[key] += counts[key];
  }

  get requests() {
    return this.latencies.length;
  }

  rps() {
    return this.requests / this.seconds;
  }

  percentile(p: number) {
    const sorted = Float64Array.from(this.latencies).sort();
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  }

  /** Store calls per request, e.g. "3r 2q 1w/2d": reads, queries, write calls / documents written. */
  storeOps() {
    const per = (n: number) => +(n / this.requests).toFixed(2);
    const c = this.counts;
    return `${per(c.reads)}r ${per(c.queries)}q ${per(c.writes)}w/${per(c.docsWritten)}d`;
  }
}

export type Results = Map<string, Record<SideKind, Tally>>;

export function tallyFor(results: Results, label: string, kind: SideKind) {
  let row = results.get(label);
  if (!row) results.set(label, (row = { timehub: new Tally(), bare: new Tally() }));
  return row[kind];
}

const ms = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toString();

const TIMEHUB_VS_BARE = ['scenario', 'timehub req/s', 'p50 ms', 'p99 ms', 'bare req/s', 'p50 ms', 'p99 ms',
  'overhead (bare/timehub rps)', 'store ops/req timehub', 'store ops/req bare', 'requests/side'];
const WITH_VS_WITHOUT_ROLLUPS = ['writes (Timehub over HTTP)', 'with rollups req/s', 'p50 ms', 'p99 ms', 'without rollups req/s', 'p50 ms', 'p99 ms',
  'cost (without/with rps)', 'store ops/req with', 'store ops/req without', 'requests/side'];

export function table(results: Results, header = TIMEHUB_VS_BARE): string {
  const rows = [...results].map(([label, { timehub: t, bare: b }]) => [
    label, int(t.rps()), ms(t.percentile(50)), ms(t.percentile(99)), int(b.rps()), ms(b.percentile(50)), ms(b.percentile(99)),
    `${(b.rps() / t.rps()).toFixed(2)}×`, t.storeOps(), b.storeOps(), String(t.requests),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The writes with rollups (tallied as timehub) beside the same writes on a store that keeps none (tallied as bare). */
export const rollupCostTable = (results: Results) => table(results, WITH_VS_WITHOUT_ROLLUPS);

/** `loadBefore`: the 1-minute load average when the bench began (other work on the machine skews figures). */
export function machineNote(concurrency: number, loadBefore: number) {
  const cpu = cpus();
  return `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `node ${process.version} on ${process.platform}, load average ${loadBefore.toFixed(2)} before / ${loadavg()[0]!.toFixed(2)} after; ${concurrency} keep-alive connections from a worker thread; ` +
    'SQLite file in a temp dir (WAL), fresh per scenario and side; store ops: r reads, q queries, w write calls (a batch is one) / d documents written';
}
