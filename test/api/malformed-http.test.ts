import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { aWorklog } from '../support/worklog-builder.js';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  token = await api.signIn('fabrikam', 'bob');
});
afterAll(() => api.close());

/** Sends bytes no HTTP client would, and reads the raw answer. */
function sendRaw(raw: string) {
  const { port } = new URL(api.url);
  return new Promise<{ status: number; body: { error?: { code: string; message: string } } }>((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(raw));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) as never });
    });
  });
}

const worklog = JSON.stringify(aWorklog());
const post = (headers: string, body: string) =>
  `POST /api/rest/workLogs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n${headers}\r\n\r\n${body}`;

describe('requests that are not valid HTTP', () => {
  it.each([
    ['two Content-Length headers', `Content-Length: ${worklog.length}\r\nContent-Length: 5`, worklog, 'Duplicate Content-Length'],
    ['Content-Length with chunked', `Content-Length: ${worklog.length}\r\nTransfer-Encoding: chunked`, `${worklog.length.toString(16)}\r\n${worklog}\r\n0\r\n\r\n`, 'Transfer-Encoding'],
  ])('answer %s with 400 in the error envelope and write nothing', async (_case, headers, body, mentions) => {
    const res = await sendRaw(post(headers, body));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('request.malformed_http');
    expect(res.body.error?.message).toContain(mentions);
    expect((await client(api, token)('GET', '/rest/workLogs')).body.data).toEqual([]);
  });

  it('answer oversized headers with 431 in the error envelope', async () => {
    const res = await sendRaw(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body.error?.code).toBe('request.headers_too_large');
  });
});
