import { openApiDocument } from '../../../shared/http/openapi.js';
import type { AnyRoute } from '../../../shared/http/route.js';
import { validSample, type JsonSchema } from './schema-samples.js';

/** One endpoint as the OpenAPI document describes it, with a valid input to mutate from. */
export interface Operation {
  route: AnyRoute;
  method: string;
  /** Below /api, with {param} segments. */
  path: string;
  pathParams: string[];
  /** The query parameters gathered back into one object schema. */
  query?: JsonSchema;
  body?: JsonSchema;
  baseQuery: Record<string, string>;
  baseBody: unknown;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

/** Every operation of the route table, read from the same OpenAPI document clients read. */
export function operationsOf(routes: readonly AnyRoute[]): Operation[] {
  const byName = new Map(routes.map((route) => [route.name, route]));
  const paths = openApiDocument(routes).paths as Record<string, Record<string, OpenApiOperation>>;
  return Object.entries(paths).flatMap(([apiPath, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const route = byName.get(op.operationId);
      if (!route) throw new Error(`the OpenAPI document names ${op.operationId}, which the route table lacks`);
      const parameters = op.parameters ?? [];
      const queryParameters = parameters.filter((p) => p.in === 'query');
      const query: JsonSchema | undefined = queryParameters.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParameters.map((p) => [p.name, p.schema])),
            required: queryParameters.filter((p) => p.required).map((p) => p.name),
          }
        : undefined;
      const body = op.requestBody?.content['application/json'].schema;
      return {
        route,
        method: method.toUpperCase(),
        path: apiPath.replace(/^\/api/, ''),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        ...(query ? { query } : {}),
        ...(body ? { body } : {}),
        baseQuery: query ? asQueryStrings(validSample(query, (v) => route.query?.safeParse(asQueryStrings(v)).success ?? true)) : {},
        baseBody: body ? validSample(body, (v) => route.body?.safeParse(v).success ?? true) : undefined,
      };
    }),
  );
}

/** A query parameter's value as it goes on the wire. */
export function queryText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

function asQueryStrings(value: unknown): Record<string, string> {
  const entries = Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([name, v]) => [name, queryText(v)]));
}

/** `name=value&...`, percent-encoded; lone surrogates (which encodeURIComponent refuses) go as raw bytes. */
export function encodeQuery(entries: readonly [string, string][]): string {
  return entries.map(([name, value]) => `${encodePart(name)}=${encodePart(value)}`).join('&');
}

function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

/** The operation's path with each {param} replaced by an encoded segment. */
export function fillPath(op: Operation, segment: (param: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => segment(name));
}
