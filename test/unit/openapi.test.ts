import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi.js';
import { routes } from '../../shared/http/routes/index.js';

describe('the OpenAPI document', () => {
  const doc = openApiDocument(routes);

  it('lists every route of the table exactly once', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods)) as { operationId: string }[];
    expect(operations.map((o) => o.operationId).sort()).toEqual(routes.map((r) => r.name).sort());
  });

  it('describes request bodies and query parameters from the zod schemas', () => {
    const add = doc.paths['/api/rest/workLogs']?.post as { requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
    // As in 7pace, only length is required: a worklog without timestamp starts now.
    expect(add.requestBody.content['application/json'].schema.required).toEqual(['length']);
    const list = doc.paths['/api/rest/workLogs']?.get as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['$fromTimestamp', '$count', '$skip', '$continuationToken']));
  });

  it('documents the response headers a route answers, e.g. the continuation token of worklog lists', () => {
    for (const path of ['/api/rest/workLogs', '/api/rest/workLogs/all']) {
      const list = doc.paths[path]?.get as { responses: Record<string, { headers?: Record<string, { description: string }> }> };
      expect(list.responses['200']?.headers?.['X-Continuation-Token']?.description).toContain('$continuationToken');
    }
  });
});
