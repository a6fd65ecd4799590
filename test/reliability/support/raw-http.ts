import { Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  text: string;
  /** The parsed body when it is JSON. */
  json?: unknown;
}

/**
 * Sends requests exactly as given: the path is not normalised, the body may be any bytes,
 * and any header (Host included) may be set. fetch would clean up most of what a fuzz sends.
 */
export function rawClient(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const { hostname, port } = new URL(baseUrl);
  const send = (method: string, target: string, headers: Record<string, string> = {}, body?: string | Buffer) =>
    new Promise<RawResponse>((resolve, reject) => {
      // Content-Length always: Node sends a DELETE or OPTIONS body with neither it nor chunked framing.
      const framed = body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
      const req = request({ agent, hostname, port, method, path: `/api${target}`, headers: framed }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, json: parseJson(text) });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The error envelope `{ error: { code, message } }`, or undefined when the body is not one. */
export function errorEnvelope(json: unknown): { code: string; message: string } | undefined {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !error.code || !error.message) return undefined;
  return { code: error.code, message: error.message };
}
