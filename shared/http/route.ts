import type { z } from 'zod';
import type { AboutInfo, BillingSettings } from '../billing/billing-settings.js';
import type { TimeWrite } from '../billing/write-gate.js';
import type { Permission } from '../domain/roles.js';
import type { AuthSettings } from '../identity/auth-settings.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import type { BeforeCommit } from '../worklogs/user-ledger.js';
import type { AccessCache } from './access-cache.js';
import type { RateLimiter } from './rate-limit.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'public' | 'member' | 'admin';

/** What every request handler may use: built once per process by the composition root. */
export interface AppContext {
  ports: Ports;
  /** The documents of every request's access check, kept per process for a few seconds. */
  accessCache: AccessCache;
  auth: AuthSettings;
  /** Set in the cloud: requests to `{org}<suffix>` must come from that org. */
  publicHostSuffix?: string;
  billing: BillingSettings;
  about: AboutInfo;
  /** Per-user requests per minute, across instances (rate-limit.ts); unset: no limit. */
  rateLimiter?: RateLimiter;
}

export interface RouteInput<A extends Access, P, Q, B> {
  app: AppContext;
  caller: A extends 'public' ? undefined : Caller;
  params: P;
  query: Q;
  body: B;
  /** The body exactly as received (e.g. to check a signature over it). */
  rawBody: string;
  header: (name: string) => string | undefined;
  /** 'time' routes: takes the subject's seat; pass it to the ledger commit (billing/write-gate.ts). */
  takeSeat?: BeforeCommit;
  /** The same for each user a 'time' route's items name (`usersInBody`). */
  seatOf?: (userId: string) => BeforeCommit | undefined;
  /** Aborted when the client goes away: long reads (streamed files) stop on it. */
  signal: AbortSignal;
}

/** One endpoint, declared once: Azure, the local host and OpenAPI all read it. */
export interface Route<A extends Access = Access, P = unknown, Q = unknown, B = unknown> {
  name: string;
  method: Method;
  /** Below /api, with {param} segments, e.g. /rest/workLogs/{id}. */
  path: string;
  access: A;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  successStatus?: 200 | 201;
  /** Answer the result as it is, without the `{ data }` envelope (e.g. the OpenAPI document). */
  unwrapped?: boolean;
  /** Request headers worth documenting, e.g. Idempotency-Key. */
  headers?: string[];
  /** Response headers the handler may answer (through `withHeaders`): name → what it holds, for OpenAPI. */
  responseHeaders?: Record<string, string>;
  /** The route answers a file streamed as it is written (see `StreamedFile`): its content types, for OpenAPI. */
  streams?: { contentTypes: readonly string[]; description: string };
  /** Leave the body unparsed: the handler reads `rawBody` (e.g. signed webhooks). */
  rawBody?: true;
  /** Checked before the handler: 403 naming the role needed. */
  permission?: Permission;
  /** Writes time: checked against the subscription before the handler, which takes the seat at its commit (see billing/write-gate.ts). */
  writes?: TimeWrite;
  /** The users a 'time' body names besides the query's (7pace's per-item userId): each passes the gate. */
  usersInBody?: (body: B) => string[];
  handle: (input: RouteInput<A, P, Q, B>) => Promise<unknown>;
}

/** A handler's result with response headers beside the body; unset headers are left out. */
export class WithHeaders {
  constructor(
    readonly data: unknown,
    readonly headers: Record<string, string | undefined>,
  ) {}
}

export const withHeaders = (data: unknown, headers: Record<string, string | undefined>) => new WithHeaders(data, headers);

/**
 * A handler's answer sent as it is produced: `chunks` are read one at a time, with the
 * client's backpressure. The status is sent with the first chunk: an error before it
 * answers the JSON error envelope, an error after it cuts the response.
 */
export class StreamedFile {
  constructor(
    readonly contentType: string,
    /** Offered to the browser as the download's name (ASCII). */
    readonly fileName: string,
    readonly chunks: AsyncIterable<Uint8Array>,
  ) {}
}

/** A handler's answer as text of its own type (e.g. an XML document), sent as it is. */
export class TextAnswer {
  constructor(
    readonly contentType: string,
    readonly text: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A handler's answer of nothing there (OData's single-valued navigation that leads nowhere): 204 with no body. */
export class NoContent {
  constructor(readonly headers: Record<string, string> = {}) {}
}

// Routes are stored side by side whatever their types; each was checked by defineRoute.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<Access, any, any, any>;

export function defineRoute<A extends Access, P = undefined, Q = undefined, B = undefined>(route: Route<A, P, Q, B>): AnyRoute {
  return route as AnyRoute;
}
