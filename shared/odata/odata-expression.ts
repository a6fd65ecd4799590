import { badRequest } from '../domain/errors.js';

/**
 * The OData expressions 7pace's reporting clients send ($filter, worklogsFilter, the
 * filter(...) step of $apply): comparisons, and/or/not, `in`, a few string and date
 * functions. A date-time with an offset (or Z) is an instant; one without, or a bare
 * date, is the user's local wall-clock time, as 7pace reads it.
 */
export type Literal =
  | { kind: 'literal'; type: 'string' | 'guid'; value: string }
  | { kind: 'literal'; type: 'number'; value: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  /** `value`: the instant in ms. */
  | { kind: 'literal'; type: 'instant'; value: number; text: string }
  /** `value`: YYYY-MM-DDTHH:MM:SS, local wall-clock time. */
  | { kind: 'literal'; type: 'local'; value: string };

export type Operand = Literal | { kind: 'property'; path: string[] } | { kind: 'call'; name: string; args: Operand[] };
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Expression =
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'in'; operand: Operand; values: Literal[] }
  | { kind: 'and' | 'or'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  /** A Boolean property or function on its own: `IsBillable`, `contains(Comment,'x')`. */
  | { kind: 'test'; operand: Operand };

export const invalid = (message: string) => badRequest('odata.invalid_expression', `the OData expression is not valid: ${message}`);

/** A date-time literal: with an offset an instant, without one local wall-clock time. */
export function dateLiteral(text: string): Literal {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: 'literal', type: 'local', value: `${text}T00:00:00` };
  if (/(?:Z|[+-]\d{2}:\d{2})$/i.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isFinite(ms)) throw invalid(`"${text}" is no date-time`);
    return { kind: 'literal', type: 'instant', value: ms, text };
  }
  const local = `${text}:00`.slice(0, 19);
  if (!Number.isFinite(Date.parse(`${local}Z`))) throw invalid(`"${text}" is no date-time`);
  return { kind: 'literal', type: 'local', value: local };
}

/** The top-level `and` terms of an expression (the ones a store query can take). */
export function conjuncts(expression: Expression | undefined): Expression[] {
  if (!expression) return [];
  return expression.kind === 'and' ? [...conjuncts(expression.left), ...conjuncts(expression.right)] : [expression];
}
