/** The parts of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) the fuzz reads. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** A nullable schema (`anyOf: [x, {type: null}]`) read as x, remembering that null is allowed. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (!schema.anyOf) return { schema, nullable: false };
  const nullable = schema.anyOf.some((branch) => branch.type === 'null');
  return { schema: schema.anyOf.find((branch) => branch.type !== 'null') ?? {}, nullable };
}

/** Strings tried, in order, against a `pattern`: the first that matches is the sample. */
const PATTERN_CANDIDATES = ['fabrikam', '1', '#336699', 'ed25519:AAAA', 'fuzz'];

/** Instants and days near the test clock, so that a valid sample is also a plausible one. */
export const SAMPLE_INSTANT = '2025-01-05T09:00:00Z';
export const SAMPLE_DAY = '2025-01-06';

/**
 * A value the schema describes: numbers as close to 1 as allowed, the required properties,
 * and with `rich` also the optional numbers and flags (a work item id makes a worklog its
 * use case takes; a made-up optional string rarely names anything that exists).
 */
export function sampleOf(input: JsonSchema, rich = false): unknown {
  const { schema } = unwrapNullable(input);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const lower = schema.minimum ?? (schema.exclusiveMinimum === undefined ? 1 : schema.exclusiveMinimum + 1);
      return Math.min(Math.max(1, lower), schema.maximum ?? Infinity);
    }
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items ?? {}, rich));
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name, property]) => schema.required?.includes(name) || (rich && ['integer', 'number', 'boolean'].includes(unwrapNullable(property).schema.type ?? '')))
          .map(([name, property]) => [name, sampleOf(property, rich)]),
      );
    default:
      return 'fuzz';
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return SAMPLE_INSTANT;
  if (schema.format === 'date') return SAMPLE_DAY;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate)) ?? 'fuzz';
  }
  return 'fuzz'.padEnd(schema.minLength ?? 0, 'z');
}

/**
 * A sample the route's own validator accepts: the rich sample, else the required properties
 * only, else (when a rule such as "give at least one field" refuses that) one more property.
 */
export function validSample(schema: JsonSchema, accepts: (value: unknown) => boolean): unknown {
  const rich = sampleOf(schema, true);
  if (accepts(rich)) return rich;
  const base = sampleOf(schema);
  if (accepts(base) || typeof base !== 'object' || !base || Array.isArray(base)) return base;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const widened = { ...base, [name]: sampleOf(property) };
    if (accepts(widened)) return widened;
  }
  return base;
}

/** `value` with every sample instant moved `minutes` back, so that the writes of different cases do not overlap. */
export function withFreshInstants(value: unknown, minutes: number): unknown {
  const moved = new Date(Date.parse(SAMPLE_INSTANT) - minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return JSON.parse(JSON.stringify(value ?? null).replaceAll(`"${SAMPLE_INSTANT}"`, `"${moved}"`)) as unknown;
}
