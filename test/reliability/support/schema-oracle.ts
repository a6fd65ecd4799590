import type { z } from 'zod';
import type { AnyRoute } from '../../../shared/http/route.js';
import { createRouter } from '../../../shared/http/router.js';

/** What the route table's own schemas say about a request, before any use case runs. */
export type Verdict =
  | { kind: 'no_route' }
  | { kind: 'valid'; route: AnyRoute }
  | { kind: 'invalid'; route: AnyRoute; names: string };

/**
 * Reads a request the way the host does (URL normalisation, the router, JSON.parse, zod in
 * the order path, query, body) and says whether its input is valid and, if not, what a 400
 * must name: the first issue's path (`body.activityCheck.intervalMinutes`) or unknown key.
 */
export function schemaOracle(routes: readonly AnyRoute[]) {
  const match = createRouter(routes);
  return (method: string, target: string, body: string | Buffer | undefined): Verdict => {
    const url = new URL(`/api${target}`, 'http://fuzz.invalid');
    const found = match(method, url.pathname.replace(/^\/api/, '') || '/');
    if (found.kind !== 'found') return { kind: 'no_route' };
    const { route } = found;
    const query = Object.fromEntries([...url.searchParams.entries()].filter(([name]) => name !== 'api-version'));
    const text = body === undefined ? undefined : Buffer.from(body).toString('utf8');
    const checks: ['path' | 'query' | 'body', z.ZodType | undefined, () => unknown][] = [
      ['path', route.params, () => found.params],
      ['query', route.query, () => query],
      ['body', route.rawBody ? undefined : route.body, () => parsedBody(text)],
    ];
    for (const [where, schema, value] of checks) {
      if (!schema) continue;
      let input: unknown;
      try {
        input = value();
      } catch {
        return { kind: 'invalid', route, names: 'JSON' };
      }
      const result = schema.safeParse(input);
      if (!result.success) return { kind: 'invalid', route, names: issueName(where, result.error.issues[0]) };
    }
    return { kind: 'valid', route };
  };
}

function parsedBody(text: string | undefined): unknown {
  return text === undefined || text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
}

function issueName(where: string, issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'unrecognized_keys' && issue.keys[0]) return issue.keys[0];
  return [where, ...(issue?.path ?? []).map(String)].join('.');
}
