import type { Condition, Query, Scalar } from './document-store.js';

/**
 * Keyset paging in terms every adapter already translates: "after (a, b)" in ORDER BY
 * a, b is `a >= ?` (a range an index can seek to) AND `(a > ?) OR (a = ? AND b > ?)`.
 * A descending field compares the other way.
 */
export function keysetTerms(orderBy: NonNullable<Query['orderBy']>, values: Scalar[]) {
  if (orderBy.length === 0 || values.length !== orderBy.length || values.some((v) => v === null)) {
    throw new RangeError('`after` needs one non-null value per orderBy field');
  }
  const first = orderBy[0]!;
  const bound: Condition = { field: first.field, op: first.direction === 'desc' ? '<=' : '>=', value: values[0]! };
  const after: Condition[][] = orderBy.map((o, i) => [
    ...orderBy.slice(0, i).map((p, j): Condition => ({ field: p.field, op: '=', value: values[j]! })),
    { field: o.field, op: o.direction === 'desc' ? '<' : '>', value: values[i]! },
  ]);
  return { bound, after };
}
