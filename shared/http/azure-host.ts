import { ReadableStream } from 'node:stream/web';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { AppError } from '../domain/errors.js';
import { createRequestHandler, type Log } from './handle-request.js';
import { errorToHttp } from './http-errors.js';
import { MAX_BODY_BYTES } from './local-host.js';
import type { AnyRoute, AppContext } from './route.js';

const PREFIX = '/api';

/**
 * One Azure Functions HTTP handler for every route: it hands the request to the same
 * request handler the local host uses, so both behave alike.
 */
export function createAzureHttpHandler(app: () => Promise<AppContext>, routes: readonly AnyRoute[]) {
  let handle: Promise<ReturnType<typeof createRequestHandler>> | undefined;
  const log = (line: string) => console.error(line);
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    // A failed start (say a secret not yet in Key Vault) is tried again on the next request.
    handle ??= app().then(
      (built) => createRequestHandler(built, routes, log),
      (error: unknown) => {
        handle = undefined;
        throw error;
      },
    );
    const gone = new AbortController();
    try {
      const url = new URL(request.url);
      const bodyText = await readBody(request);
      const out = await (await handle)({
        method: request.method,
        path: url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
        query: url.searchParams,
        header: (name) => (name.toLowerCase() === 'host' ? hostOf(request, url) : (request.headers.get(name) ?? undefined)),
        bodyText,
        signal: gone.signal,
      });
      const headers = { 'x-invocation-id': context.invocationId, ...out.headers };
      if (out.stream) return { status: out.status, body: readableOf(out.stream, gone, log), headers };
      if (out.text !== undefined) return { status: out.status, body: out.text, headers };
      return { status: out.status, jsonBody: out.body, headers };
    } catch (error) {
      const out = errorToHttp(error, log);
      return { status: out.status, jsonBody: out.body };
    }
  };
}

/**
 * With HTTP streams on (functions/index.ts) the body arrives as a stream: read it only up to
 * the limit, rather than buffering whatever a client sends.
 */
async function readBody(request: HttpRequest): Promise<string> {
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new AppError(413, 'request.too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A streamed answer as the Functions host takes it (HTTP streams): each chunk is read when the
 * host pulls. A cancelled body aborts the work; @azure/functions 4.16 itself neither waits
 * for the socket nor cancels on a disconnect, so there the read ends with the data or the
 * function timeout.
 */
function readableOf(chunks: AsyncIterable<Uint8Array>, gone: AbortController, log: Log) {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        errorToHttp(error, log);
        controller.error(error);
      }
    },
    async cancel() {
      gone.abort();
      await iterator.return?.();
    },
  });
}

/** Behind Front Door the organization's host name arrives as X-Forwarded-Host. */
function hostOf(request: HttpRequest, url: URL) {
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
}
