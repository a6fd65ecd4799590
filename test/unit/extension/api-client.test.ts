import { describe, expect, it } from 'vitest';
import { createApiClient, type SessionSource } from '../../../extension/src/shared/api-client.js';
import { ApiError } from '../../../extension/src/shared/api-error.js';

interface Call {
  url: string;
  method: string;
  authorization?: string;
  body?: unknown;
}

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answers: ((call: Call) => { status: number; body?: unknown })[]) {
  const calls: Call[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = { url: String(input), method: init?.method ?? 'GET', authorization: headers.authorization, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer = answers.shift()?.(call) ?? { status: 500, body: { error: { code: 'script.empty', message: 'no more answers' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  };
  return { calls, fetchImpl: fetchImpl as typeof fetch };
}

const source: SessionSource = {
  baseUrl: 'https://fabrikam.timehub.example.com',
  organization: 'fabrikam',
  appToken: async () => 'app-token',
  accessToken: async () => 'access-token',
};
const session = (token: string) => () => ({ status: 201, body: { data: { token, expiresAt: '2030-01-01T00:00:00Z', user: { id: 'u1', name: 'Bob', uniqueName: 'bob' }, organization: { id: 'o1', name: 'fabrikam' }, roles: [] } } });

describe('the extension API client', () => {
  it('exchanges_the_app_token_for_a_session_once_and_sends_it_as_bearer', async () => {
    const { calls, fetchImpl } = scriptedFetch([session('s1'), () => ({ status: 200, body: { data: null } }), () => ({ status: 200, body: { data: [] } })]);
    const client = createApiClient(source, fetchImpl);

    expect(await client.request('GET', '/tracking/client/current')).toBeNull();
    expect(await client.request('GET', '/rest/workLogs')).toEqual([]);

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://fabrikam.timehub.example.com/api/session',
      'GET https://fabrikam.timehub.example.com/api/tracking/client/current',
      'GET https://fabrikam.timehub.example.com/api/rest/workLogs',
    ]);
    expect(calls[0]?.body).toEqual({ organization: 'fabrikam', appToken: 'app-token', accessToken: 'access-token' });
    expect(calls.slice(1).map((c) => c.authorization)).toEqual(['Bearer s1', 'Bearer s1']);
  });

  it('signs_in_again_and_retries_once_when_a_call_answers_401', async () => {
    const expired = () => ({ status: 401, body: { error: { code: 'auth.unauthorized', message: 'the session expired' } } });
    const { calls, fetchImpl } = scriptedFetch([session('old'), expired, session('new'), () => ({ status: 200, body: { data: 'ok' } })]);
    const client = createApiClient(source, fetchImpl);

    expect(await client.request('GET', '/rest/me')).toBe('ok');
    expect(calls.map((c) => c.authorization ?? c.url)).toEqual([
      'https://fabrikam.timehub.example.com/api/session', 'Bearer old', 'https://fabrikam.timehub.example.com/api/session', 'Bearer new',
    ]);
  });

  it('gives_up_after_one_retry_with_the_servers_error', async () => {
    const refused = () => ({ status: 401, body: { error: { code: 'auth.unauthorized', message: 'the app token is invalid' } } });
    const { fetchImpl } = scriptedFetch([session('a'), refused, session('b'), refused]);
    const client = createApiClient(source, fetchImpl);

    const error = await client.request('GET', '/rest/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'auth.unauthorized', message: 'the app token is invalid' });
  });

  it('keeps_the_servers_code_message_and_details_of_a_refusal', async () => {
    const overlap = { error: { code: 'worklog.overlap', message: 'overlaps worklog w1', details: [{ path: 'timestamp', code: 'worklog.overlap', message: 'overlaps worklog w1' }] } };
    const { fetchImpl } = scriptedFetch([session('s'), () => ({ status: 409, body: overlap })]);
    const error = await createApiClient(source, fetchImpl).request('POST', '/rest/workLogs', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'worklog.overlap', message: 'overlaps worklog w1', endpointMissing: false });
  });

  it('recognises_an_endpoint_the_server_does_not_have_yet', async () => {
    const missing = { error: { code: 'route.not_found', message: 'no endpoint GET /api/subscription' } };
    const { fetchImpl } = scriptedFetch([session('s'), () => ({ status: 404, body: missing })]);
    const error = await createApiClient(source, fetchImpl).request('GET', '/subscription').catch((e: unknown) => e);
    expect(error).toMatchObject({ endpointMissing: true });
  });
});
