import type { z } from 'zod';
import type { AuthSettings } from '../identity/auth-settings.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'public' | 'member' | 'admin';

/** What every request handler may use: built once per process by the composition root. */
export interface AppContext {
  ports: Ports;
  auth: AuthSettings;
  /** Set in the cloud: requests to `{org}<suffix>` must come from that org. */
  publicHostSuffix?: string;
}

export interface RouteInput<A extends Access, P, Q, B> {
  app: AppContext;
  caller: A extends 'public' ? undefined : Caller;
  params: P;
  query: Q;
  body: B;
  header: (name: string) => string | undefined;
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
  handle: (input: RouteInput<A, P, Q, B>) => Promise<unknown>;
}

// Routes are stored side by side whatever their types; each was checked by defineRoute.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<Access, any, any, any>;

export function defineRoute<A extends Access, P = undefined, Q = undefined, B = undefined>(route: Route<A, P, Q, B>): AnyRoute {
  return route as AnyRoute;
}
