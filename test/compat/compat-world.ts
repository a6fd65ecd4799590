import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { startTestApi, type TestApi, type UserName } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0 } from '../support/worklog-builder.js';

/** An answer as a 7pace client sees it: status, headers and the JSON body. */
export interface Answer {
  status: number;
  headers: Headers;
  // The body is whatever the server sent; each test asserts the shape it expects.
  body: any;
}

export type Send = (method: string, path: string, body?: unknown) => Promise<Answer>;

export interface CompatWorld {
  api: TestApi;
  /** fabrikam's Administrator, a Member, and another Member. */
  alice: Send;
  bob: Send;
  carol: Send;
  idOf: (user: UserName) => string;
}

/** Sends `path` (below /api, with its query) as a 7pace script would: a Bearer token, JSON in and out. */
export function sender(api: TestApi, token: string): Send {
  return async (method, path, body) => {
    const res = await fetch(`${api.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** fabrikam with alice, bob and carol signed in (so that all three are users of the org), at T0 (a Monday, 09:00 UTC). */
export async function startCompatWorld(): Promise<CompatWorld> {
  const api = await startTestApi({ clock: new MutableClock(T0) });
  const [alice, bob, carol] = await Promise.all((['alice', 'bob', 'carol'] as const).map(async (user) => sender(api, await api.signIn('fabrikam', user))));
  return { api, alice: alice!, bob: bob!, carol: carol!, idOf: (user) => findSeedUser('fabrikam', user)!.id };
}

export const NOT_SET = '00000000-0000-0000-0000-000000000000';
