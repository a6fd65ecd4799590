import { describe, expect, it } from 'vitest';
import { attachmentName, createApiClient, type SessionSource } from '../../../extension/src/shared/api-client.js';
import { ApiError } from '../../../extension/src/shared/api-error.js';

const source: SessionSource = {
  baseUrl: 'https://fabrikam.timehub.example.com',
  organization: 'fabrikam',
  appToken: async () => 'app-token',
  accessToken: async () => 'access-token',
};
const sessionAnswer = (token: string) => new Response(JSON.stringify({ data: { token, expiresAt: '2030-01-01T00:00:00Z', user: { id: 'u1', name: 'Bob', uniqueName: 'bob' }, organization: { id: 'o1', name: 'fabrikam' }, roles: [] } }), { status: 201 });

/** A fetch answering the session first, then `answers` in turn, recording each call's authorization. */
function fetchAnswering(...answers: (() => Response)[]) {
  const seen: string[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/api/session')) return sessionAnswer(`s${seen.filter((s) => s === 'session').length + 1}`);
    seen.push(`${((init?.headers ?? {}) as Record<string, string>).authorization} ${url.replace(source.baseUrl, '')}`);
    return answers.shift()!();
  };
  return { seen, fetchImpl: fetchImpl as typeof fetch };
}

describe('downloading an export through the API client', () => {
  it('returns_the_file_and_the_name_the_server_gave_it_fetched_with_the_session', async () => {
    const csv = '\uFEFFDate,User\n2026-11-30,Bob\n';
    const { seen, fetchImpl } = fetchAnswering(() => new Response(csv, { status: 200, headers: { 'content-disposition': 'attachment; filename="worklogs-fabrikam-2026-11-01.csv"' } }));
    const file = await createApiClient(source, fetchImpl).download('/exports/workLogs?format=csv&from=2026-11-01T00%3A00%3A00%2B01%3A00');
    expect(file.fileName).toBe('worklogs-fabrikam-2026-11-01.csv');
    // Byte for byte: the BOM that makes Excel read UTF-8 stays.
    expect(Buffer.from(await file.blob.arrayBuffer())).toEqual(Buffer.from(csv));
    expect(seen).toEqual(['Bearer s1 /api/exports/workLogs?format=csv&from=2026-11-01T00%3A00%3A00%2B01%3A00']);
  });

  it('throws_the_servers_refusal_instead_of_saving_it_as_a_file', async () => {
    const refusal = { error: { code: 'auth.forbidden', message: 'reading the time of u9 needs the role Team lead' } };
    const { fetchImpl } = fetchAnswering(() => new Response(JSON.stringify(refusal), { status: 403 }));
    const failure = await createApiClient(source, fetchImpl).download('/exports/workLogs?format=xlsx').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, code: 'auth.forbidden', message: refusal.error.message });
  });

  it('reads_the_file_name_of_content_disposition_or_falls_back', () => {
    expect(attachmentName("attachment; filename*=UTF-8''Zeitbericht%20M%C3%A4rz.xlsx; filename=\"x.xlsx\"", 'f')).toBe('Zeitbericht März.xlsx');
    expect(attachmentName('attachment; filename=plain.csv', 'f')).toBe('plain.csv');
    expect(attachmentName(null, 'workLogs')).toBe('workLogs');
  });
});
