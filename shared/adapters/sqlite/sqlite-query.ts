import type { Condition, ContainerName, Query, Scalar } from '../../ports/document-store.js';
import { keysetBounds, keysetTerms, type KeysetSide } from '../../ports/keyset.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `id` is also a key column: using it lets an index on (container, pk, x) serve ORDER BY x, id. */
function path(field: string): string {
  if (field === 'id') return 'id';
  if (!FIELD.test(field)) throw new RangeError(`invalid field name ${field}`);
  return `json_extract(body, '$.${field}')`;
}

/** JSON booleans come out of json_extract as 1 and 0. */
function bind(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? Number(value) : value;
}

/**
 * Lists travel as one JSON array parameter, so that the SQL text (and its cached prepared
 * statement) is the same whatever the list's length.
 */
function condition(c: Condition, params: (string | number | null)[]): string {
  if (c.op === 'in') {
    params.push(JSON.stringify(c.value.map(bind)));
    return `${path(c.field)} IN (SELECT value FROM json_each(?))`;
  }
  if (c.value === null) {
    if (c.op === '=') return `${path(c.field)} IS NULL`;
    if (c.op === '!=') return `${path(c.field)} IS NOT NULL`;
  }
  params.push(bind(c.value));
  return `${path(c.field)} ${c.op} ?`;
}

/**
 * In one direction a row value, `(a, b) > (?, ?)`: SQLite seeks an index on (a, b) straight
 * to the key, past any ties on a. Mixed directions take the portable OR form.
 */
function keyset(orderBy: NonNullable<Query['orderBy']>, values: Scalar[], side: KeysetSide, params: (string | number | null)[]) {
  const { bound, alternatives } = keysetTerms(orderBy, values, side);
  if (orderBy.every((o) => o.direction === orderBy[0]!.direction)) {
    const upward = (orderBy[0]!.direction === 'asc') === (side === 'after');
    params.push(...values.map(bind));
    return `(${orderBy.map((o) => path(o.field)).join(', ')}) ${upward ? '>' : '<'}${side === 'until' ? '=' : ''} (${values.map(() => '?').join(', ')})`;
  }
  const or = alternatives.map((terms) => `(${terms.map((c) => condition(c, params)).join(' AND ')})`).join(' OR ');
  return `${condition(bound, params)} AND (${or})`;
}

/** Turns a portable query into SQL over the documents table: one SQL text per query shape. */
export function toSql(container: ContainerName, query: Query, nowMs: number) {
  const params: (string | number | null)[] = [container, nowMs];
  const clauses = ['container = ?', '(expires_at IS NULL OR expires_at > ?)'];
  if ('pk' in query.partition) {
    clauses.push('pk = ?');
    params.push(query.partition.pk);
  }
  for (const c of query.where ?? []) clauses.push(condition(c, params));
  for (const [side, values] of keysetBounds(query)) clauses.push(keyset(query.orderBy ?? [], values, side, params));
  let sql = `SELECT body, etag FROM documents WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy?.length) {
    sql += ` ORDER BY ${query.orderBy.map((o) => `${path(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  }
  if (query.limit !== undefined || query.offset !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(query.limit ?? -1, query.offset ?? 0);
  }
  return { sql, params };
}
