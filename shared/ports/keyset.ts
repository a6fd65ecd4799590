import type { Condition, Query, Scalar } from './document-store.js';

export type KeysetSide = 'after' | 'until';

/**
 * Keyset bounds in terms every adapter already translates. "after (a, b)" in ORDER BY a, b
 * is `a >= ?` (a range an index can seek to) AND `(a > ?) OR (a = ? AND b > ?)`; "until"
 * is the mirror image and includes the key itself. A descending field compares the other way.
 */
export function keysetTerms(orderBy: NonNullable<Query['orderBy']>, values: Scalar[], side: KeysetSide) {
  if (orderBy.length === 0 || values.length !== orderBy.length || values.some((v) => v === null)) {
    throw new RangeError(`\`${side}\` needs one non-null value per orderBy field`);
  }
  const upward = (o: { direction: 'asc' | 'desc' }) => (o.direction === 'asc') === (side === 'after');
  const equal = (count: number) => orderBy.slice(0, count).map((p, j): Condition => ({ field: p.field, op: '=', value: values[j]! }));
  const first = orderBy[0]!;
  const bound: Condition = { field: first.field, op: upward(first) ? '>=' : '<=', value: values[0]! };
  const alternatives: Condition[][] = orderBy.map((o, i) => [...equal(i), { field: o.field, op: upward(o) ? '>' : '<', value: values[i]! }]);
  if (side === 'until') alternatives.push(equal(orderBy.length));
  return { bound, alternatives };
}

/** The keyset bounds a query asks for, each with its values. */
export function keysetBounds(query: Query): [KeysetSide, Scalar[]][] {
  return (['after', 'until'] as const).flatMap((side) => (query[side] ? [[side, query[side]] as [KeysetSide, Scalar[]]] : []));
}
