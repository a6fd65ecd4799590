import type { E2eServer } from './e2e-server.js';

export interface ApiAnswer {
  status: number;
  // Test data read back from the API: whatever it answered.
  body: { data?: any; error?: { code: string; message: string } };
}
export type ApiCall = (method: string, path: string, body?: unknown) => Promise<ApiAnswer>;

/**
 * The API as a seeded user signed in through the dev host's own tokens (as the extension
 * signs in), for arranging a browser test's data without clicking it together.
 */
export async function apiAs(server: E2eServer, user: string, org = 'fabrikam'): Promise<ApiCall> {
  const tokens = (await (await fetch(`${server.url}/_devhost/tokens`, { method: 'POST', body: JSON.stringify({ org, user }) })).json()) as object;
  const session = await fetch(`${server.url}/api/session`, { method: 'POST', body: JSON.stringify({ organization: org, ...tokens }) });
  const { data } = (await session.json()) as { data?: { token: string } };
  if (!data) throw new Error(`${user} could not sign in to ${org}: ${session.status}`);
  return async (method, path, body) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${data.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as ApiAnswer['body'] };
  };
}
