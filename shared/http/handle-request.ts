import type { z } from 'zod';
import { AppError, badRequest } from '../domain/errors.js';
import { authenticate } from '../identity/authenticate.js';
import { guardTimeWrites } from '../billing/write-gate.js';
import { requirePermission, resolveMember, type Member } from '../roles/member-access.js';
import { errorToHttp, invalidInput, type HttpOutput } from './http-errors.js';
import { NoContent, StreamedFile, TextAnswer, WithHeaders, type AnyRoute, type AppContext } from './route.js';
import { answersBare, assertApiVersion } from './api-version.js';
import { assertHostOfOrg } from './org-host.js';
import { requestUnits } from './rate-limit.js';
import { requestScopedStore } from './request-scoped-store.js';
import { createRouter } from './router.js';
import { scheduleBudgetCheck } from '../budgets/budget-thresholds.js';
import { startedIteration } from '../exports/started-iteration.js';
import { fileHeaders } from './streamed-body.js';

/** A request as any host hands it over: the path is below /api. */
export interface HttpInput {
  method: string;
  path: string;
  query: URLSearchParams;
  header: (name: string) => string | undefined;
  bodyText?: string;
  /** Aborted when the client goes away (hosts that cannot tell leave it out). */
  signal?: AbortSignal;
}

export type Log = (line: string) => void;

/** Route table → auth → validation → use case → `{ data }` or `{ error }`. */
export function createRequestHandler(app: AppContext, routes: readonly AnyRoute[], log: Log) {
  const match = createRouter(routes);
  return async (input: HttpInput): Promise<HttpOutput> => {
    try {
      const found = match(input.method, input.path);
      if (found.kind === 'not_found') throw new AppError(404, 'route.not_found', `no endpoint ${input.method} /api${input.path}`);
      if (found.kind === 'method_not_allowed') {
        const allow = [...new Set(found.allowed)].join(', ');
        const refused = new AppError(405, 'route.method_not_allowed', `/api${input.path} answers ${allow}, not ${input.method}`);
        return { ...errorToHttp(refused, log), headers: { Allow: allow } };
      }
      assertApiVersion(input.path, input.query);
      return await run(app, found.route, found.params, input);
    } catch (error) {
      const out = errorToHttp(error, log);
      // Excel and Power BI ask for credentials when a feed challenges them (only the feed: a browser would prompt on the UI's calls).
      if (out.status === 401 && /^\/odata\//i.test(input.path)) return { ...out, headers: { ...out.headers, 'WWW-Authenticate': 'Basic realm="Timehub", charset="UTF-8"' } };
      return out;
    }
  };
}

async function run(shared: AppContext, route: AnyRoute, params: Record<string, string>, input: HttpInput): Promise<HttpOutput> {
  const app: AppContext = { ...shared, ports: { ...shared.ports, store: requestScopedStore(shared.ports.store) } };
  const member = route.access === 'public' ? undefined : await memberOf(app, route, input);
  if (member) await shared.rateLimiter?.admit(member.caller.orgId, member.caller.user.id, requestUnits(input.query));
  const pathParams = validate('path', route.params, params);
  const query = validate('query', route.query, queryObject(input.query));
  const body = route.rawBody ? undefined : validate('body', route.body, parseBody(input.bodyText));
  // The subscription gate: 402 while read-only or with no seat left; the seat is taken at the commit.
  const seats = route.writes && member ? await guardTimeWrites(app.ports, app.billing, member, route.writes, query, route.usersInBody?.(body) ?? []) : undefined;
  const routeInput = {
    app,
    caller: member?.caller,
    params: pathParams,
    query,
    body,
    rawBody: input.bodyText ?? '',
    header: input.header,
    takeSeat: seats?.takeSeat,
    seatOf: seats?.seatOf,
    signal: input.signal ?? new AbortController().signal,
  };
  const result = await route.handle(routeInput);
  // Budgets' thresholds follow the time: one check per org and minute, off this request.
  if (route.writes && member) await scheduleBudgetCheck(shared.ports, member.caller.orgId);
  if (result instanceof StreamedFile) {
    if (!route.streams) throw new Error(`route ${route.name} answered a stream without declaring \`streams\``);
    return { status: 200, headers: fileHeaders(result), stream: await startedIteration(result.chunks) };
  }
  if (result instanceof NoContent) return { status: 204, text: '', headers: result.headers };
  if (result instanceof TextAnswer) return { status: 200, text: result.text, headers: { ...result.headers, 'content-type': result.contentType } };
  const data = result instanceof WithHeaders ? result.data : result;
  const status = route.successStatus ?? 200;
  return { status, body: route.unwrapped || answersBare(input.path, input.query) ? data : { data: data ?? null }, ...(result instanceof WithHeaders ? { headers: setHeaders(result) } : {}) };
}

function setHeaders(result: WithHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(result.headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The caller with their role resolved on every request (an uninstalled org answers 403),
 * from documents the access cache keeps for a few seconds: see access-cache.ts.
 */
async function memberOf(app: AppContext, route: AnyRoute, input: HttpInput): Promise<Member> {
  const access = { store: app.accessCache.readerOver(app.ports.store), clock: app.ports.clock };
  const caller = await authenticate(access, app.auth, app.accessCache.sessions, input.header('authorization'));
  assertHostOfOrg(input.header('host'), app.publicHostSuffix, caller.orgName);
  const member = await resolveMember(access, caller);
  if (route.access === 'admin') requirePermission(member.caller, 'org:manage');
  if (route.permission) requirePermission(member.caller, route.permission);
  return member;
}

function validate<T>(where: 'body' | 'query' | 'path', schema: z.ZodType<T> | undefined, value: unknown): T | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(where, result.error);
  return result.data;
}

/** `api-version` was checked once the route was found (api-version.ts); the schemas never see it. */
function queryObject(query: URLSearchParams): Record<string, string> {
  const entries = [...query.entries()].filter(([name]) => name !== 'api-version');
  return Object.fromEntries(entries);
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest('request.malformed_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}
