import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  /** The parsed JSON body: `{ data }` on success, `{ error }` on a refusal. */
  body: { data?: any; error?: { code: string; message: string; details?: unknown[] } } | undefined;
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

/** One device of a user: its own keep-alive connection pool and its own token. */
export interface Device {
  readonly name: string;
  call: Call;
  /** Points the device at a restarted server; its old connections are dropped. */
  retarget(baseUrl: string): void;
  close(): void;
}

/**
 * A client as a browser tab or a script would be: one keep-alive agent per device, so that
 * devices race over separate connections. A request that gets no answer (the server died)
 * rejects; an answer of any status resolves.
 */
export function keepAliveDevice(name: string, baseUrl: string, token: string): Device {
  let agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let base = baseUrl;
  const call: Call = (method, path, body, headers = {}) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Reply>((resolve, reject) => {
      const req = request(`${base}/api${path}`, {
        method, agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch {
            reject(new Error(`${method} ${path}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
  return {
    name, call,
    retarget(baseUrl) {
      agent.destroy();
      agent = new Agent({ keepAlive: true, maxSockets: 8 });
      base = baseUrl;
    },
    close: () => agent.destroy(),
  };
}
