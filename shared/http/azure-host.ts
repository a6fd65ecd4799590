import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { AppError } from '../domain/errors.js';
import { createRequestHandler } from './handle-request.js';
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
    try {
      const url = new URL(request.url);
      const bodyText = await request.text();
      if (Buffer.byteLength(bodyText) > MAX_BODY_BYTES) {
        throw new AppError(413, 'request.too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`);
      }
      const out = await (await handle)({
        method: request.method,
        path: url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
        query: url.searchParams,
        header: (name) => (name.toLowerCase() === 'host' ? hostOf(request, url) : (request.headers.get(name) ?? undefined)),
        bodyText,
      });
      return { status: out.status, jsonBody: out.body, headers: { 'x-invocation-id': context.invocationId, ...out.headers } };
    } catch (error) {
      const out = errorToHttp(error, log);
      return { status: out.status, jsonBody: out.body };
    }
  };
}

/** Behind Front Door the organization's host name arrives as X-Forwarded-Host. */
function hostOf(request: HttpRequest, url: URL) {
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
}
