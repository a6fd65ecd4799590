import type { Condition, ContainerName, Query, Scalar } from '../../ports/document-store.js';
import { keysetBounds, keysetTerms, type KeysetSide } from '../../ports/keyset.js';
import { INDEXED_COLUMNS } from './sqlite-schema.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** `id` is also a key column: using it lets an index on (container, pk, x) serve ORDER BY x, id. Indexed fields have columns of their own. */
function path(field: string): string {
  if (field === 'id') return 'id';
  if (Object.hasOwn(INDEXED_COLUMNS, field)) return INDEXED_COLUMNS[field as keyof typeof INDEXED_COLUMNS];
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
  // A literal, not a parameter: an index restricted to one document type serves only queries whose text names it.
  if (c.field === 'type' && c.op === '=' && typeof c.value === 'string' && TYPE_NAME.test(c.value)) return `${path(c.field)} = '${c.value}'`;
  if (c.value === null) {
    if (c.op === '=') return `${path(c.field)} IS NULL`;
    if (c.op === '!=') return `${path(c.field)} IS NOT NULL`;
  }
  params.push(bind(c.value));
  return `${path(c.field)} ${c.op} ?`;
}

/**
 * `a >= ?` first: SQLite seeks its index on (a, b) by it (a row value `(a, b) > (?, ?)` over
 * an indexed expression it would not seek by), then the OR drops the ties before the key.
 */
function keyset(orderBy: NonNullable<Query['orderBy']>, values: Scalar[], side: KeysetSide, params: (string | number | null)[]) {
  const { bound, alternatives } = keysetTerms(orderBy, values, side);
  const seek = condition(bound, params);
  const or = alternatives.map((terms) => `(${terms.map((c) => condition(c, params)).join(' AND ')})`).join(' OR ');
  return `${seek} AND (${or})`;
}

/** The body, or an object of the selected fields (json_extract keeps nested JSON as JSON). */
function selected(fields: Query['select']): string {
  if (!fields) return 'body';
  const pairs = fields.map((field) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new RangeError(`invalid selected field ${field}`);
    return `'${field}', json_extract(body, '$.${field}')`;
  });
  // No field but the keys: the body is not read at all (an ETag listing of large documents).
  return `json_object(${["'id', id", "'pk', pk", ...pairs].join(', ')}) AS body`;
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
  let sql = `SELECT ${selected(query.select)}, etag FROM documents WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy?.length) {
    sql += ` ORDER BY ${query.orderBy.map((o) => `${path(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  }
  if (query.limit !== undefined || query.offset !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(query.limit ?? -1, query.offset ?? 0);
  }
  return { sql, params };
}

/**
 * SQLite seeks an index on (a, b) by `a` only, and would step through every document that
 * ties with the key on `a` before reaching it: across partitions (many users' worklogs
 * starting at 09:00:00) that can be thousands. There "after (a1, b1)" runs as two seeks, the
 * ties (a = a1, b past b1, in b order) and then the rest (a past a1); the caller
 * concatenates them. Within a partition ties are few, and the OR form serves better.
 */
export function splitAtTies(query: Query): { ties: Query | undefined; rest: Query } | undefined {
  const [first, second, ...more] = query.orderBy ?? [];
  if (!query.after || !('crossPartition' in query.partition) || !first || !second || more.length > 0) return undefined;
  keysetTerms(query.orderBy ?? [], query.after, 'after');
  const [a, b] = query.after as [Scalar, Scalar];
  const past = (o: { direction: 'asc' | 'desc' }) => (o.direction === 'desc' ? '<' : '>');
  const where = query.where ?? [];
  // The ties are all at a1: `until` cuts them only when it is at a1 too, and leaves none when it is before a1.
  const until = query.until;
  const untilBefore = until && (first.direction === 'desc' ? until[0]! > a! : until[0]! < a!);
  const tiesUntil = until && until[0] === a ? [until[1]!] : undefined;
  const ties: Query | undefined = untilBefore ? undefined : {
    ...query, after: undefined, until: tiesUntil, orderBy: [second],
    where: [...where, { field: first.field, op: '=', value: a }, { field: second.field, op: past(second), value: b }],
  };
  return { ties, rest: { ...query, after: undefined, where: [...where, { field: first.field, op: past(first), value: a }] } };
}
