import type { Condition, ContainerName, Query, Scalar } from '../../ports/document-store.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function path(field: string): string {
  if (!FIELD.test(field)) throw new RangeError(`invalid field name ${field}`);
  return `json_extract(body, '$.${field}')`;
}

/** JSON booleans come out of json_extract as 1 and 0. */
function bind(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? Number(value) : value;
}

function condition(c: Condition, params: (string | number | null)[]): string {
  if (c.op === 'in') {
    if (c.value.length === 0) return '0';
    params.push(...c.value.map(bind));
    return `${path(c.field)} IN (${c.value.map(() => '?').join(', ')})`;
  }
  if (c.value === null) {
    if (c.op === '=') return `${path(c.field)} IS NULL`;
    if (c.op === '!=') return `${path(c.field)} IS NOT NULL`;
  }
  params.push(bind(c.value));
  return `${path(c.field)} ${c.op} ?`;
}

/** Turns a portable query into SQL over the documents table. */
export function toSql(container: ContainerName, query: Query, nowMs: number) {
  const params: (string | number | null)[] = [container, nowMs];
  const clauses = ['container = ?', '(expires_at IS NULL OR expires_at > ?)'];
  if ('pk' in query.partition) {
    clauses.push('pk = ?');
    params.push(query.partition.pk);
  }
  for (const c of query.where ?? []) clauses.push(condition(c, params));
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
