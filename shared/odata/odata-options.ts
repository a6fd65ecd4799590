import type { ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import { bindExpression } from './odata-evaluate.js';
import type { Expression } from './odata-expression.js';
import { parseExpression } from './parse-expression.js';
import { findNavigation } from './expand-model.js';
import { parseExpand, type NestedOptions } from './expand-options.js';
import { resolvePath, type EntityType } from './odata-model.js';

export type AggregateMethod = 'sum' | 'min' | 'max' | 'average' | 'countdistinct';

export interface Aggregate {
  /** null: `$count as Alias`. */
  path: string[] | null;
  method: AggregateMethod | 'count';
  alias: string;
}

export interface Aggregation {
  groupBy: string[][];
  aggregates: Aggregate[];
}

/** A request's query options, checked against the entity type. */
export interface ODataOptions extends NestedOptions {
  count: boolean;
  aggregation?: Aggregation;
  onlyMe: boolean;
}

const fail = (option: string, message: string) => badRequest('odata.invalid_option', `${option}: ${message}`);

function path(entity: EntityType, option: string, text: string) {
  const resolved = resolvePath(entity, text.trim().split('/'));
  if (!resolved) throw fail(option, `${entity.name} has no property ${text.trim()}`);
  return resolved;
}

export function expressionOf(entity: EntityType, option: string, text: string): Expression {
  try {
    return bindExpression(entity, parseExpression(text));
  } catch (error) {
    if (error instanceof Error) error.message = `${option}: ${error.message}`;
    throw error;
  }
}

/** Splits at commas, slashes or semicolons outside parentheses. */
export function splitTop(text: string, separator: ',' | '/' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

const call = (text: string, name: string) => {
  const match = new RegExp(`^${name}\\s*\\((.*)\\)$`, 'is').exec(text.trim());
  return match?.[1];
};

function aggregatesOf(entity: EntityType, text: string): Aggregate[] {
  return splitTop(text, ',').map((item) => {
    const counted = /^\$count\s+as\s+(\w+)$/i.exec(item);
    if (counted) return { path: null, method: 'count', alias: counted[1]! };
    const match = /^([\w/]+)\s+with\s+(sum|min|max|average|countdistinct)\s+as\s+(\w+)$/i.exec(item);
    if (!match) throw fail('$apply', `"${item}" is no aggregate; write e.g. PeriodLength with sum as Total, or $count as Count`);
    return { path: path(entity, '$apply', match[1]!).path, method: match[2]!.toLowerCase() as AggregateMethod, alias: match[3]! };
  });
}

/** `filter(...)` steps and one closing `groupby((...),aggregate(...))` or `aggregate(...)`. */
function applyOf(entity: EntityType, text: string): { filters: Expression[]; aggregation?: Aggregation } {
  const filters: Expression[] = [];
  let aggregation: Aggregation | undefined;
  for (const step of splitTop(text, '/')) {
    if (aggregation) throw fail('$apply', 'nothing may follow groupby or aggregate');
    const filter = call(step, 'filter');
    const grouped = call(step, 'groupby');
    const aggregate = call(step, 'aggregate');
    if (filter !== undefined) filters.push(expressionOf(entity, '$apply', filter));
    else if (aggregate !== undefined) aggregation = { groupBy: [], aggregates: aggregatesOf(entity, aggregate) };
    else if (grouped !== undefined) {
      const [paths = '', ...rest] = splitTop(grouped, ',');
      const inner = call(paths, '');
      if (inner === undefined || rest.length > 1) throw fail('$apply', 'write groupby((Path1,Path2),aggregate(...))');
      const groupBy = splitTop(inner, ',').map((p) => path(entity, '$apply', p).path);
      const aggregates = rest[0] === undefined ? [] : aggregatesOf(entity, call(rest[0], 'aggregate') ?? '');
      aggregation = { groupBy, aggregates };
    } else {
      throw fail('$apply', `"${step.slice(0, 60)}" is not supported; use filter(...), groupby((...),aggregate(...)) or aggregate(...)`);
    }
  }
  return { filters, aggregation };
}

export function orderOf(entity: EntityType, text: string | undefined) {
  const items = splitTop(text ?? '', ',').map((item) => {
    const [name = '', dir = 'asc', ...rest] = item.split(/\s+/);
    if (rest.length || !/^(asc|desc)$/i.test(dir)) throw fail('$orderby', `"${item}" is not Property [asc|desc]`);
    return { path: path(entity, '$orderby', name).path, direction: dir.toLowerCase() as 'asc' | 'desc' };
  });
  const [first, second, ...more] = items;
  const isTimestamp = first?.path.join('/') === 'Timestamp';
  const thenId = !second || (second.path.join('/') === 'Id' && second.direction === first?.direction && !more.length);
  if (!first || (isTimestamp && thenId)) return { direction: first?.direction ?? 'asc' as const };
  return { direction: 'asc' as const, inPageOrder: items };
}

export function parseOptions(entity: EntityType, query: ODataQuery): ODataOptions {
  const filters: Expression[] = [];
  if (query.worklogsFilter) filters.push(expressionOf(entity, 'worklogsFilter', query.worklogsFilter));
  if (query.$filter) filters.push(expressionOf(entity, '$filter', query.$filter));
  const applied = query.$apply ? applyOf(entity, query.$apply) : { filters: [] };
  filters.push(...applied.filters);
  // A navigation property in $select (`$select=System_Id,Parent&$expand=Parent`) is what $expand sends anyway.
  const selected = query.$select && query.$select.trim() !== '*' ? splitTop(query.$select, ',').filter((p) => !findNavigation(entity, p)) : undefined;
  const select = selected?.map((p) => path(entity, '$select', p).path);
  return {
    filter: filters.reduce<Expression | undefined>((all, f) => (all ? { kind: 'and', left: all, right: f } : f), undefined),
    select,
    ...orderOf(entity, query.$orderby),
    top: query.$top,
    skip: query.$skip ?? 0,
    count: query.$count ?? false,
    aggregation: applied.aggregation,
    onlyMe: query.prefilter?.toLowerCase() === 'me',
    expand: query.$expand ? parseExpand(entity, query.$expand, parseOptions, splitTop) : [],
  };
}
