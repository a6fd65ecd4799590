import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { AppError } from '../domain/errors.js';
import { createRequestHandler, type HttpInput, type Log } from './handle-request.js';
import { errorToHttp, type HttpOutput } from './http-errors.js';
import { answerMalformedRequest } from './malformed-request.js';
import { describeEnd, sendStream } from './send-stream.js';
import type { AnyRoute, AppContext } from './route.js';

export const MAX_BODY_BYTES = 1024 * 1024;
const PREFIX = '/api';

/**
 * The route table on a plain node:http server: what `npm start` runs instead of the Functions host.
 * `outsideApi` answers every path not under /api (the extension's local dev host); without it they answer 404.
 */
export function createLocalHost(app: AppContext, routes: readonly AnyRoute[], log: Log, outsideApi?: RequestListener): Server {
  const handle = createRequestHandler(app, routes, log);
  const server = createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (outsideApi && url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) {
      outsideApi(req, res);
      return;
    }
    const line = (status: number) => `${req.method} ${url.pathname}${url.search} ${status}`;
    // A client that goes away stops the work of a streamed answer (see send-stream.ts).
    const gone = new AbortController();
    let streaming: number | undefined;
    res.once('close', () => {
      if (res.writableFinished) return;
      gone.abort();
      if (streaming !== undefined) log(`${line(streaming)} the client went away mid-stream`);
    });
    void answer(req, url, handle, log, gone.signal).then(async (out) => {
      res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...out.headers });
      let ended = '';
      if (out.stream) {
        streaming = out.status;
        ended = describeEnd(await sendStream(res, out.stream, gone.signal, log));
      } else {
        res.end(out.text ?? (out.body === undefined ? undefined : JSON.stringify(out.body)));
      }
      log(`${line(out.status)}${ended} ${(performance.now() - started).toFixed(1)}ms`);
    });
  });
  server.on('clientError', answerMalformedRequest);
  return server;
}

async function answer(req: IncomingMessage, url: URL, handle: (input: HttpInput) => Promise<HttpOutput>, log: Log, signal: AbortSignal) {
  try {
    if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) {
      throw new AppError(404, 'route.not_found', `no endpoint ${url.pathname}; the API lives under /api`);
    }
    const bodyText = await readBody(req);
    return await handle({
      method: req.method ?? 'GET',
      path: url.pathname.slice(PREFIX.length) || '/',
      query: url.searchParams,
      header: (name) => headerValue(req, name),
      bodyText,
      signal,
    });
  } catch (error) {
    return errorToHttp(error, log);
  }
}

function headerValue(req: IncomingMessage, name: string) {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Events rather than `for await`: the async iterator cost more than the rest of a GET /current. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Read to the end even past the limit: a reset connection would hide the 413 from the client.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new AppError(413, 'request.too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`));
      else resolve(chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined);
    });
  });
}
