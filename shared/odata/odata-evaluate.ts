import { badRequest } from '../domain/errors.js';
import type { CompareOp, Expression, Literal, Operand } from './odata-expression.js';
import { resolvePath, type EdmType, type EntityType } from './odata-model.js';
import { valueAt, type Row } from './odata-rows.js';

/** A property path checked against the model: its canonical spelling and type. */
export type Bound = Operand & { type?: EdmType | 'complex' };

/**
 * Checks every property an expression names against the entity type and spells it as the
 * model does (names match ignoring case): 400 naming an unknown property.
 */
export function bindExpression(entity: EntityType, expression: Expression): Expression {
  const operand = (o: Operand): Operand => {
    if (o.kind === 'literal') return o;
    if (o.kind === 'call') return { ...o, args: o.args.map(operand) };
    const resolved = resolvePath(entity, o.path);
    if (!resolved) throw badRequest('odata.unknown_property', `${entity.name} has no property ${o.path.join('/')}`);
    return { kind: 'property', path: resolved.path, type: resolved.type } as Bound;
  };
  const walk = (e: Expression): Expression => {
    switch (e.kind) {
      case 'compare': return { ...e, left: operand(e.left), right: operand(e.right) };
      case 'in': return { ...e, operand: operand(e.operand) };
      case 'and': case 'or': return { ...e, left: walk(e.left), right: walk(e.right) };
      case 'not': return { ...e, operand: walk(e.operand) };
      case 'test': return { ...e, operand: operand(e.operand) };
    }
  };
  return walk(expression);
}

const typeOf = (o: Operand) => (o.kind === 'property' ? (o as Bound).type : undefined);

/** A value ready to compare: date-times carry their instant and their local wall clock. */
type Value = string | number | boolean | null | { ms: number; local: string };

function read(row: Row, o: Operand): Value {
  if (o.kind === 'literal') return literalValue(o);
  if (o.kind === 'call') return call(row, o);
  const value = valueAt(row, o.path);
  // A complex value is only ever compared with null (`WorkItem ne null`): any non-null stand-in does.
  if (value !== null && typeof value === 'object') return 'complex';
  if (typeOf(o) === 'Edm.DateTimeOffset' && typeof value === 'string') return { ms: Date.parse(value), local: value.slice(0, 19) };
  return value;
}

function literalValue(literal: Literal): Value {
  if (literal.type === 'instant') return { ms: literal.value, local: '' };
  if (literal.type === 'local') return { ms: Number.NaN, local: literal.value };
  return literal.value;
}

function call(row: Row, o: Extract<Operand, { kind: 'call' }>): Value {
  const args = o.args.map((a) => read(row, a));
  const [first, second] = args;
  const text = (v: Value | undefined) => (typeof v === 'string' ? v : null);
  const when = (v: Value | undefined) => (v !== null && typeof v === 'object' ? v.local : null);
  switch (o.name) {
    case 'contains': return text(first) !== null && text(second) !== null ? text(first)!.includes(text(second)!) : false;
    case 'startswith': return text(first) !== null && text(second) !== null ? text(first)!.startsWith(text(second)!) : false;
    case 'endswith': return text(first) !== null && text(second) !== null ? text(first)!.endsWith(text(second)!) : false;
    case 'tolower': return text(first)?.toLowerCase() ?? null;
    case 'toupper': return text(first)?.toUpperCase() ?? null;
    case 'trim': return text(first)?.trim() ?? null;
    case 'length': return text(first)?.length ?? null;
    case 'year': return when(first) ? Number(when(first)!.slice(0, 4)) : null;
    case 'month': return when(first) ? Number(when(first)!.slice(5, 7)) : null;
    case 'day': return when(first) ? Number(when(first)!.slice(8, 10)) : null;
    default: return null;
  }
}

/** -1, 0, 1, or undefined when the two cannot be ordered (null, or unlike types). */
function order(a: Value, b: Value): number | undefined {
  if (a === null || b === null) return undefined;
  if (typeof a === 'object' && typeof b === 'object') {
    // An instant literal compares instants; a local literal the worklog's wall clock.
    const [x, y] = Number.isNaN(a.ms) || Number.isNaN(b.ms) ? [a.local, b.local] : [a.ms, b.ms];
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a !== typeof b || typeof a === 'object') return undefined;
  const [x, y] = typeof a === 'string' ? [a.toLowerCase(), (b as string).toLowerCase()] : [a, b];
  // Guids compare ignoring case; other text compares exactly (below).
  if (typeof a === 'string' && !isGuid(a)) return a === b ? 0 : a < (b as string) ? -1 : 1;
  return x === y ? 0 : x! < y! ? -1 : 1;
}

const isGuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

function compare(op: CompareOp, a: Value, b: Value): boolean {
  if (op === 'eq' || op === 'ne') {
    const same = a === null || b === null ? a === b : order(a, b) === 0;
    return op === 'eq' ? same : !same;
  }
  const o = order(a, b);
  if (o === undefined) return false;
  return op === 'gt' ? o > 0 : op === 'ge' ? o >= 0 : op === 'lt' ? o < 0 : o <= 0;
}

/** Whether a row passes a bound expression. */
export function matches(row: Row, expression: Expression): boolean {
  switch (expression.kind) {
    case 'compare': return compare(expression.op, read(row, expression.left), read(row, expression.right));
    case 'in': {
      const value = read(row, expression.operand);
      return expression.values.some((literal) => compare('eq', value, literalValue(literal)));
    }
    case 'and': return matches(row, expression.left) && matches(row, expression.right);
    case 'or': return matches(row, expression.left) || matches(row, expression.right);
    case 'not': return !matches(row, expression.operand);
    case 'test': return read(row, expression.operand) === true;
  }
}

