import { z } from 'zod';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** OpenAPI 3.1 generated from the route table, so the document cannot drift from the code. */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [...pathParameters(route), ...queryParameters(route), ...headerParameters(route)];
    (paths[`/api${route.path}`] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body) } } } } : {}),
      responses: {
        [String(route.successStatus ?? 200)]: route.streams ? fileResponse(route.streams) : { description: 'Success, wrapped as { "data": ... }', ...responseHeaders(route) },
        '4XX': errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Timehub API', version: '3.0', description: 'Names follow the 7pace Timetracker REST API v3.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A session token or a personal API token' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
    },
    paths,
  };
}

/** A streamed file: its content types, and the download name in Content-Disposition. */
function fileResponse(streams: NonNullable<AnyRoute['streams']>) {
  return {
    description: `${streams.description}; streamed as it is written. An error before the first byte answers the JSON error envelope, after it the download is cut short`,
    content: Object.fromEntries(streams.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
  };
}

function pathParameters(route: AnyRoute) {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(route: AnyRoute) {
  if (!route.query) return [];
  const schema = toSchema(route.query);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }));
}

function responseHeaders(route: AnyRoute) {
  if (!route.responseHeaders) return {};
  const headers = Object.entries(route.responseHeaders).map(([name, description]) => [name, { description, schema: { type: 'string' } }]);
  return { headers: Object.fromEntries(headers) as Record<string, unknown> };
}

function headerParameters(route: AnyRoute) {
  return (route.headers ?? []).map((name) => ({ name, in: 'header', required: false, schema: { type: 'string' } }));
}
