import type { Worklog } from '../domain/worklog.js';
import type { Document } from '../ports/document-store.js';

/**
 * Pre-aggregated time of one user, kept in the user's partition and written in the same
 * batch as the worklogs it sums (see rollup-changes.ts). Two granularities, so that a year
 * report reads one small document per user and year, and a day or week report at most
 * one per user and month:
 * - period 'YYYY-MM': one cell per local day and (work item, activity type, billable, target);
 * - period 'YYYY': one cell per local month and the same keys;
 * - period 'all' (TOTALS_PERIOD): one cell per work item, all time, for budgets: a budget's
 *   status reads one such document per user of the org, whatever the years.
 */
export interface RollupDoc extends Document {
  type: 'rollup';
  orgId: string;
  userId: string;
  period: string;
  cells: RollupCell[];
  /**
   * The cells summed per bucket, for reports that group by user and period only: they read
   * this alone (a 12th of a year document). Absent on rollups written before it existed.
   */
  totals?: BucketTotal[];
}

/** [bucket, length, billableLength, count] */
export type BucketTotal = [string, number, number, number];

/**
 * [bucket (a day in a month rollup, a month in a year rollup), workItemId, activityTypeId, billable, length, billableLength, count, targetId?]
 * The target comes last and only when there is one: cells of time on no target keep the
 * seven elements they had before targets existed, so older documents read the same.
 */
export type RollupCell = [string, number | null, string | null, boolean, number, number, number, (string | null)?];

/** The internal target of a cell; null for time on a work item, on nothing, or written before targets. */
export const targetOfCell = (cell: RollupCell): string | null => cell[7] ?? null;

/**
 * 2: with the all-time totals per work item; 3: cells keyed by target too. A partition
 * marked lower (or null) is recounted by the maintenance.
 */
export const ROLLUP_VERSION = 3;
export const TOTALS_PERIOD = 'all';
export const rollupId = (period: string) => `rollup:${period}`;

/** What one worklog adds to one rollup. */
export interface Contribution {
  period: string;
  cell: RollupCell;
}

/** The cells a worklog adds to: its local day in its month, its local month in its year, its work item's total. */
export function contributionsOf(
  worklog: Pick<Worklog, 'localDay' | 'workItemId' | 'activityTypeId' | 'flags' | 'length' | 'billableLength'> & { targetId?: string | null },
): Contribution[] {
  const day = worklog.localDay;
  const month = day.slice(0, 7);
  const target = worklog.targetId ?? null;
  const sums = (bucket: string): RollupCell => {
    const cell: RollupCell = [bucket, worklog.workItemId, worklog.activityTypeId, worklog.flags.isBillable, worklog.length, worklog.billableLength, 1];
    if (target !== null) cell.push(target);
    return cell;
  };
  const periods = [{ period: month, cell: sums(day) }, { period: day.slice(0, 4), cell: sums(month) }];
  if (worklog.workItemId === null) return periods;
  return [...periods, { period: TOTALS_PERIOD, cell: totalCell(worklog.workItemId, worklog.length, worklog.billableLength, 1) }];
}

/** A work item's all-time total: one cell per work item, whatever the activity type or billable flag. */
export const totalCell = (workItemId: number, length: number, billableLength: number, count: number): RollupCell =>
  [TOTALS_PERIOD, workItemId, null, false, length, billableLength, count];

/** The all-time totals that year rollups add up to (for a recount, which rebuilds them a year at a time). */
export function totalsOfYears(years: readonly Pick<RollupDoc, 'cells'>[]): RollupCell[] {
  const sums = new CellSums();
  for (const doc of years) {
    for (const cell of doc.cells) if (cell[1] !== null) sums.add(totalCell(cell[1], cell[4], cell[5], cell[6]), 1);
  }
  return sums.toCells();
}

/** Tells cells apart (the tags keep a null work item, activity or target apart from the text 'null'). */
const keyOf = (cell: RollupCell) => {
  const target = targetOfCell(cell);
  return `${cell[0]}|${cell[1] ?? '~'}|${cell[2] === null ? '~' : `'${cell[2]}`}|${cell[3] ? 1 : 0}${target === null ? '' : `|'${target}`}`;
};

/** Cells by their key, for adding contributions in place. */
export class CellSums {
  private readonly cells = new Map<string, RollupCell>();

  constructor(initial: readonly RollupCell[] = []) {
    for (const cell of initial) this.add(cell, 1);
  }

  add(cell: RollupCell, sign: 1 | -1) {
    const key = keyOf(cell);
    const sum = this.cells.get(key) ?? emptyLike(cell);
    sum[4] += sign * cell[4];
    sum[5] += sign * cell[5];
    sum[6] += sign * cell[6];
    // A change sums to zero count while its lengths still move (an edit): keep those.
    if (sum[4] === 0 && sum[5] === 0 && sum[6] === 0) this.cells.delete(key);
    else this.cells.set(key, sum);
  }

  /** Sorted, so that equal sums compare equal whatever order they were added in. */
  toCells(): RollupCell[] {
    return [...this.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
  }
}

/**
 * `sorted` (cells in key order, as `toCells` leaves them) with `deltas` added, rebuilding
 * nothing: a write changes a cell or two of the hundreds in a month or year, so each delta
 * finds its place by binary search instead of every cell being keyed and sorted again.
 */
export function withDeltas(sorted: readonly RollupCell[], deltas: readonly RollupCell[]): RollupCell[] {
  const cells = sorted.slice();
  for (const delta of deltas) {
    const key = keyOf(delta);
    let low = 0;
    let high = cells.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keyOf(cells[middle]!) < key) low = middle + 1;
      else high = middle;
    }
    const found = low < cells.length && keyOf(cells[low]!) === key ? cells[low]! : undefined;
    const sum = emptyLike(delta);
    for (const field of [4, 5, 6] as const) sum[field] = (found?.[field] ?? 0) + delta[field];
    if (sum[4] === 0 && sum[5] === 0 && sum[6] === 0) {
      if (found) cells.splice(low, 1);
    } else if (found) cells[low] = sum;
    else cells.splice(low, 0, sum);
  }
  return cells;
}

/** A zero cell with the keys of `cell` (its target only when it has one). */
function emptyLike(cell: RollupCell): RollupCell {
  const target = targetOfCell(cell);
  return target === null ? [cell[0], cell[1], cell[2], cell[3], 0, 0, 0] : [cell[0], cell[1], cell[2], cell[3], 0, 0, 0, target];
}

/** Cells summed per bucket, in bucket order. */
export function bucketTotals(cells: readonly RollupCell[]): BucketTotal[] {
  const totals = new Map<string, BucketTotal>();
  for (const [bucket, , , , length, billableLength, count] of cells) {
    const total = totals.get(bucket);
    if (total) {
      total[1] += length;
      total[2] += billableLength;
      total[3] += count;
    } else totals.set(bucket, [bucket, length, billableLength, count]);
  }
  return [...totals.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function rollupDoc(pk: string, orgId: string, userId: string, period: string, cells: RollupCell[]): RollupDoc {
  return { id: rollupId(period), pk, type: 'rollup', schemaVersion: ROLLUP_VERSION, orgId, userId, period, cells, totals: bucketTotals(cells) };
}

/** The rollups of `worklogs` computed from scratch: what the kept rollups must equal. */
export function recountRollups(pk: string, orgId: string, userId: string, worklogs: Iterable<Parameters<typeof contributionsOf>[0]>) {
  const byPeriod = new Map<string, CellSums>();
  for (const worklog of worklogs) {
    for (const { period, cell } of contributionsOf(worklog)) {
      const sums = byPeriod.get(period) ?? new CellSums();
      sums.add(cell, 1);
      byPeriod.set(period, sums);
    }
  }
  return [...byPeriod.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, sums]) => rollupDoc(pk, orgId, userId, period, sums.toCells()));
}
