import { describe, expect, it } from 'vitest';
import { createApiClient, fileNameOf, type SessionSource } from '../../../extension/src/shared/api-client.js';
import { ApiError } from '../../../extension/src/shared/api-error.js';

const source: SessionSource = { baseUrl: 'https://fabrikam.timehub.example.com', organization: 'fabrikam', appToken: async () => 'app', accessToken: async () => 'access' };
const sessionAnswer = (token: string) => new Response(JSON.stringify({ data: { token, expiresAt: '2030-01-01T00:00:00Z', user: { id: 'u1', name: 'Bob', uniqueName: 'bob' }, organization: { id: 'o1', name: 'fabrikam' }, roles: [] } }), { status: 201 });

describe('downloading an export through the API client', () => {
  it('sends_the_session_token_and_renews_it_once_when_the_file_answers_401', async () => {
    const seen: (string | undefined)[] = [];
    const answers = [
      sessionAnswer('old'),
      new Response(JSON.stringify({ error: { code: 'auth.unauthorized', message: 'expired' } }), { status: 401 }),
      sessionAnswer('new'),
      new Response('\uFEFFUser,Hours\r\nBob,1.5\r\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="time-report-2026-10-01.csv"' } }),
    ];
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      seen.push((init?.headers as Record<string, string>).authorization);
      return answers.shift()!;
    }) as unknown as typeof fetch;

    const file = await createApiClient(source, fetchImpl).file('/exports/reports/time?format=csv', 'fallback.csv');

    expect(seen).toEqual([undefined, 'Bearer old', undefined, 'Bearer new']);
    expect(file.fileName).toBe('time-report-2026-10-01.csv');
    expect(await file.blob.text()).toContain('Bob,1.5');
  });

  it('reports_a_refused_export_in_the_servers_words', async () => {
    const answers = [sessionAnswer('s'), new Response(JSON.stringify({ error: { code: 'auth.forbidden', message: 'not your time' } }), { status: 403 })];
    const fetchImpl = (async () => answers.shift()!) as unknown as typeof fetch;
    const error = await createApiClient(source, fetchImpl).file('/exports/reports/time?format=xlsx', 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('not your time');
  });

  it('reads_the_file_name_from_content_disposition_or_falls_back', () => {
    expect(fileNameOf("attachment; filename=\"a.csv\"; filename*=UTF-8''R%C3%A9port.csv", 'x')).toBe('Réport.csv');
    expect(fileNameOf('attachment; filename=b.xlsx', 'x')).toBe('b.xlsx');
    expect(fileNameOf(null, 'time-report.csv')).toBe('time-report.csv');
  });
});
