import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { Condition, Query } from '../../ports/document-store.js';
import { keysetBounds, keysetTerms } from '../../ports/keyset.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Bracket notation, so that field names that are SQL keywords (`value`, `top`) still work. */
function path(field: string): string {
  if (!FIELD.test(field)) throw new RangeError(`invalid field name ${field}`);
  return `c${field.split('.').map((part) => `["${part}"]`).join('')}`;
}

function condition(c: Condition, parameters: SqlParameter[]): string {
  const name = `@p${parameters.length}`;
  if (c.op === 'in') {
    parameters.push({ name, value: c.value });
    return `ARRAY_CONTAINS(${name}, ${path(c.field)})`;
  }
  // A missing field counts as null, as it does in the SQLite adapter (json_extract gives NULL).
  if (c.value === null && c.op === '=') return `(NOT IS_DEFINED(${path(c.field)}) OR IS_NULL(${path(c.field)}))`;
  if (c.value === null && c.op === '!=') return `(IS_DEFINED(${path(c.field)}) AND NOT IS_NULL(${path(c.field)}))`;
  parameters.push({ name, value: c.value });
  return `${path(c.field)} ${c.op} ${name}`;
}

/**
 * Turns a portable query into parameterised Cosmos SQL. Paging uses TOP (offset + limit)
 * and the caller drops the first `skip` results: @vercel/cosmosdb-server cannot parse
 * OFFSET/LIMIT, and TOP keeps the translation testable there (Cosmos bills skipped rows
 * under OFFSET too).
 */
export function toCosmosSql(query: Query): { spec: SqlQuerySpec; skip: number } {
  const parameters: SqlParameter[] = [];
  const clauses: string[] = [];
  // The partition filter is in the text as well as the request option: the test server
  // ignores the option.
  if ('pk' in query.partition) {
    parameters.push({ name: '@pk', value: query.partition.pk });
    clauses.push('c["pk"] = @pk');
  }
  for (const c of query.where ?? []) clauses.push(condition(c, parameters));
  for (const [side, values] of keysetBounds(query)) {
    const { bound, alternatives } = keysetTerms(query.orderBy ?? [], values, side);
    clauses.push(condition(bound, parameters));
    clauses.push(`(${alternatives.map((terms) => `(${terms.map((c) => condition(c, parameters)).join(' AND ')})`).join(' OR ')})`);
  }
  const skip = query.offset ?? 0;
  let top = '';
  if (query.limit !== undefined) {
    parameters.push({ name: '@top', value: skip + query.limit });
    top = 'TOP @top ';
  }
  const fields = query.select ? ['id', 'pk', '_etag', ...query.select].map((field) => `${path(field)} AS ${field}`).join(', ') : '*';
  let text = `SELECT ${top}${fields} FROM c`;
  if (clauses.length) text += ` WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy?.length) {
    text += ` ORDER BY ${query.orderBy.map((o) => `${path(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  }
  return { spec: { query: text, parameters }, skip };
}
