/**
 * Budgets over the work item hierarchy, after 7pace: a budget on a work item covers the
 * item and every descendant, except below a descendant with a budget of its own. Each
 * item's time therefore counts against exactly one budget, the nearest one at or above it.
 */

export interface TreeItem {
  id: number;
  parentId: number | null;
}

export interface Totals {
  length: number;
  billableLength: number;
}

export type Source = 'direct' | 'inherited' | 'none';

export interface Coverage {
  source: Source;
  /** The work item whose budget covers this one; null when none does. */
  budgetItemId: number | null;
}

const ZERO: Totals = { length: 0, billableLength: 0 };
const plus = (a: Totals, b: Totals): Totals => ({ length: a.length + b.length, billableLength: a.billableLength + b.billableLength });

/**
 * Which budget covers each item of a subtree (listed parents before children, root first).
 * `aboveRoot` is the work item whose budget covers the root from above, if any.
 */
export function coverageOf(items: readonly TreeItem[], budgeted: ReadonlySet<number>, aboveRoot: number | null): Map<number, Coverage> {
  const coverage = new Map<number, Coverage>();
  for (const [index, item] of items.entries()) {
    if (budgeted.has(item.id)) {
      coverage.set(item.id, { source: 'direct', budgetItemId: item.id });
      continue;
    }
    const fromParent = index === 0 ? aboveRoot : (coverage.get(item.parentId ?? -1)?.budgetItemId ?? null);
    coverage.set(item.id, fromParent === null ? { source: 'none', budgetItemId: null } : { source: 'inherited', budgetItemId: fromParent });
  }
  return coverage;
}

/** Each item's time with all its descendants' (items listed parents before children). */
export function subtreeTotals(items: readonly TreeItem[], own: ReadonlyMap<number, Totals>): Map<number, Totals> {
  const totals = new Map(items.map((item) => [item.id, own.get(item.id) ?? ZERO]));
  for (const item of [...items].reverse()) {
    if (item.parentId === null || !totals.has(item.parentId) || item === items[0]) continue; // the root adds to nothing here
    totals.set(item.parentId, plus(totals.get(item.parentId)!, totals.get(item.id)!));
  }
  return totals;
}

/** The time each budget (by its work item) counts: its items' own time, nested budgets' excluded. */
export function trackedPerBudget(coverage: ReadonlyMap<number, Coverage>, own: ReadonlyMap<number, Totals>): Map<number, Totals> {
  const sums = new Map<number, Totals>();
  for (const [id, { budgetItemId }] of coverage) {
    if (budgetItemId === null) continue;
    sums.set(budgetItemId, plus(sums.get(budgetItemId) ?? ZERO, own.get(id) ?? ZERO));
  }
  return sums;
}

/** Used % of a budget, rounded to a tenth; null when nothing is planned. */
export const usedPercent = (tracked: number, planned: number) => (planned > 0 ? Math.round((tracked / planned) * 1000) / 10 : null);

/** The thresholds (in %) a budget has reached, highest last. */
export const reachedThresholds = (thresholds: readonly number[], tracked: number, planned: number) =>
  planned > 0 ? [...thresholds].sort((a, b) => a - b).filter((threshold) => tracked * 100 >= threshold * planned) : [];
