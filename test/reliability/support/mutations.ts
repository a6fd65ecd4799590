import { sampleOf, unwrapNullable, type JsonSchema } from './schema-samples.js';

export type JsonPath = (string | number)[];

/** One thing made wrong in an otherwise valid value: `value` replaces the node at `path` (or removes it). */
export interface ValueMutation {
  label: string;
  path: JsonPath;
  value?: unknown;
  remove?: true;
  /** Refused whatever the schema says (a date no one worked on). */
  mustRefuse?: true;
}

/** Calendar nonsense and out-of-range dates. Year 0000 passes the format check and must still be refused. */
const BAD_INSTANTS = [
  '0000-01-01T00:00:00Z', '9999-99-99T00:00:00Z', '2025-02-30T09:00:00Z', '2025-01-06T25:00:00Z', '2025-01-06',
  '2025-01-06T09:00:00', '+275760-09-13T00:00:00Z', 'yesterday', '1736154000',
];
const BAD_DAYS = ['0000-01-01', '9999-99-99', '2025-02-29', '2025-1-6', '06.01.2025', '2025-01-06T00:00:00Z'];
const isYearZero = (value: string) => value.startsWith('0000-');

/** Strings that break naive code: NUL, lone surrogates, direction overrides, injections, 10 KB. */
const HOSTILE_STRINGS: [string, string][] = [
  ['NUL', 'a\u0000b'], ['lone high surrogate', '\ud800'], ['lone low surrogate', 'x\udfffy'], ['right-to-left override', '\u202etxt.exe'],
  ['SQL', "'; DROP TABLE documents; --"], ['JSON path', '$..*'], ['whitespace only', ' \t\n'], ['10 KB', 'x'.repeat(10_240)],
];

const WRONG_TYPES: [string, unknown][] = [
  ['string', 'fuzz'], ['number', 1.5], ['integer', 42], ['boolean', true], ['null', null], ['array', [1]], ['object', { a: 1 }],
];

/** Which JSON type names a value of a wrong-type sample may still satisfy. */
function fits(schemaType: string | undefined, kind: string) {
  if (schemaType === 'number') return kind === 'number' || kind === 'integer';
  return schemaType === kind;
}

/** Every single-fault mutation of `base` that its JSON Schema suggests, recursing into objects and arrays. */
export function valueMutations(input: JsonSchema, base: unknown, path: JsonPath = []): ValueMutation[] {
  const { schema, nullable } = unwrapNullable(input);
  const at = (label: string, value: unknown, mustRefuse?: boolean): ValueMutation => ({ label, path, value, ...(mustRefuse ? { mustRefuse: true } : {}) });
  const out = WRONG_TYPES.filter(([kind]) => !fits(schema.type, kind) && !(nullable && kind === 'null')).map(([kind, value]) => at(`wrong type (${kind})`, value));
  if (schema.enum) out.push(at('not one of the allowed values', 'notAnAllowedValue'));
  switch (schema.type) {
    case 'string':
      out.push(...stringMutations(schema).map(([label, value, mustRefuse]) => at(label, value, mustRefuse)));
      break;
    case 'integer':
    case 'number':
      out.push(...numberMutations(schema).map(([label, value]) => at(label, value)));
      break;
    case 'object':
      out.push(...objectMutations(schema, base, path));
      break;
    case 'array':
      out.push(...arrayMutations(schema, base, path));
      break;
  }
  return out;
}

function stringMutations(schema: JsonSchema): [string, string, boolean?][] {
  const out: [string, string, boolean?][] = HOSTILE_STRINGS.map(([label, value]) => [label, value]);
  if ((schema.minLength ?? 0) > 0) out.push(['empty', '']);
  if (schema.maxLength !== undefined && schema.maxLength < 100_000) out.push([`longer than ${schema.maxLength}`, 'y'.repeat(schema.maxLength + 1)]);
  if (schema.pattern) out.push(['not matching its pattern', 'fuzz!~']);
  if (schema.format === 'date-time') out.push(...BAD_INSTANTS.map((v): [string, string, boolean] => [`bad instant ${v}`, v, isYearZero(v)]));
  if (schema.format === 'date') out.push(...BAD_DAYS.map((v): [string, string, boolean] => [`bad day ${v}`, v, isYearZero(v)]));
  return out;
}

function numberMutations(schema: JsonSchema): [string, number][] {
  const out: [string, number][] = [['negative', -1], ['huge', 1e308], ['beyond safe integers', 2 ** 53 + 2]];
  if (schema.type === 'integer') out.push(['fractional', 2.5]);
  const lower = schema.minimum ?? schema.exclusiveMinimum;
  if (lower !== undefined && Math.abs(lower) < 1e15) out.push([`below its minimum ${lower}`, schema.minimum !== undefined ? lower - 1 : lower]);
  if (schema.maximum !== undefined && Math.abs(schema.maximum) < 1e15) out.push([`above its maximum ${schema.maximum}`, schema.maximum + 1]);
  return out;
}

function objectMutations(schema: JsonSchema, base: unknown, path: JsonPath): ValueMutation[] {
  const current = (typeof base === 'object' && base && !Array.isArray(base) ? base : {}) as Record<string, unknown>;
  const out: ValueMutation[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    out.push(...valueMutations(property, current[name] ?? sampleOf(property), [...path, name]));
    if (schema.required?.includes(name)) out.push({ label: 'missing', path: [...path, name], remove: true });
  }
  out.push({ label: 'an extra field', path, value: { ...current, fuzzExtra: 1 } });
  // Own "__proto__" and "constructor" keys, as JSON.parse makes them: a prototype pollution probe.
  out.push({ label: 'an extra __proto__ field', path, value: Object.assign(JSON.parse('{"__proto__":{"isAdmin":true}}') as object, current) });
  out.push({ label: 'an extra constructor field', path, value: { ...current, constructor: { prototype: { isAdmin: true } } } });
  return out;
}

function arrayMutations(schema: JsonSchema, base: unknown, path: JsonPath): ValueMutation[] {
  const items = Array.isArray(base) ? base : [];
  const out: ValueMutation[] = [];
  if ((schema.minItems ?? 0) > 0) out.push({ label: 'empty', path, value: [] });
  const item = items[0] ?? sampleOf(schema.items ?? {});
  if (schema.maxItems !== undefined && schema.maxItems <= 1000) {
    out.push({ label: `more than ${schema.maxItems} items`, path, value: Array.from({ length: schema.maxItems + 1 }, () => item) });
  }
  if (schema.items) out.push(...valueMutations(schema.items, item, [...path, 0]));
  return out;
}

/** `root` with the mutation applied; `root` itself is left as it was. */
export function applyMutation(root: unknown, mutation: ValueMutation): unknown {
  return replaceAt(root, mutation.path, mutation);
}

function replaceAt(node: unknown, path: JsonPath, mutation: ValueMutation): unknown {
  if (!path.length) return mutation.value;
  const [head, ...rest] = path as [string | number, ...JsonPath];
  if (Array.isArray(node) || typeof head === 'number') {
    const copy = Array.isArray(node) ? [...(node as unknown[])] : [];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, mutation);
    return copy;
  }
  const copy = { ...((node ?? {}) as Record<string, unknown>) };
  if (mutation.remove && !rest.length) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, mutation);
  return copy;
}
