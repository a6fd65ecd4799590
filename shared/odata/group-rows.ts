import { badRequest } from '../domain/errors.js';
import { MAX_REPORT_ROWS } from '../contracts/reports.js';
import type { Aggregation } from './odata-options.js';
import { valueAt, type Row, type RowValue } from './odata-rows.js';

/** What one row adds to its group; a rollup cell stands for `count` worklogs at once. */
export interface Contribution {
  row: Row;
  count: number;
}

interface Group {
  keys: RowValue[];
  sums: number[];
  seen: (Set<RowValue> | undefined)[];
  count: number;
}

/** Puts a value at a nested path: groupby((User/Name)) answers { User: { Name } }. */
function setAt(target: Row, path: readonly string[], value: RowValue) {
  let node = target;
  for (const name of path.slice(0, -1)) {
    const inner = node[name];
    node = inner !== null && typeof inner === 'object' ? inner : (node[name] = {});
  }
  node[path.at(-1)!] = value;
}

/**
 * `$apply`'s groupby and aggregate over rows (worklogs, or rollup cells shaped as rows):
 * sum, min, max, average, countdistinct and `$count`. Groups come out in the order of
 * their values; more than a report's rows is refused.
 */
export class RowGroups {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly aggregation: Aggregation) {}

  add({ row, count }: Contribution) {
    const keys = this.aggregation.groupBy.map((path) => valueAt(row, path));
    const id = JSON.stringify(keys);
    let group = this.groups.get(id);
    if (!group) {
      if (this.groups.size >= MAX_REPORT_ROWS) throw badRequest('odata.too_many_groups', `$apply: more than ${MAX_REPORT_ROWS} groups; group by less, or filter`);
      const aggregates = this.aggregation.aggregates;
      group = { keys, sums: aggregates.map((a) => (a.method === 'min' ? Infinity : a.method === 'max' ? -Infinity : 0)), seen: aggregates.map((a) => (a.method === 'countdistinct' ? new Set() : undefined)), count: 0 };
      this.groups.set(id, group);
    }
    group.count += count;
    for (const [i, aggregate] of this.aggregation.aggregates.entries()) {
      if (aggregate.path === null) continue;
      const value = valueAt(row, aggregate.path);
      if (aggregate.method === 'countdistinct') group.seen[i]!.add(value);
      if (typeof value !== 'number') continue;
      if (aggregate.method === 'min') group.sums[i] = Math.min(group.sums[i]!, value);
      else if (aggregate.method === 'max') group.sums[i] = Math.max(group.sums[i]!, value);
      else group.sums[i]! += value;
    }
  }

  rows(): Row[] {
    const sorted = [...this.groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted.map(([, group]) => {
      const out: Row = {};
      this.aggregation.groupBy.forEach((path, i) => setAt(out, path, group.keys[i] ?? null));
      this.aggregation.aggregates.forEach((aggregate, i) => {
        const sum = group.sums[i]!;
        out[aggregate.alias] =
          aggregate.method === 'count' ? group.count
          : aggregate.method === 'countdistinct' ? group.seen[i]!.size
          : aggregate.method === 'average' ? (group.count ? sum / group.count : null)
          : Number.isFinite(sum) ? sum : null;
      });
      return out;
    });
  }
}
