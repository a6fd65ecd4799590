import type { SessionInput } from '../../../shared/contracts/identity.js';
import { ApiError, readAnswer } from './api-error.js';
import type { SessionView } from './api-types.js';

/** What the client needs from the host to sign in: the SDK's tokens and the org's name. */
export interface SessionSource {
  baseUrl: string;
  organization: string;
  appToken(): Promise<string>;
  accessToken(): Promise<string>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  /** The session of this page: who the caller is, in which org, with which roles. */
  session(): Promise<SessionView>;
  request<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** A GET whose answer is a file (an export): its content and the name the server gave it. */
  download(path: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` first), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Exchanges the extension's app token (and the Azure DevOps access token) for a Timehub
 * session on first use, and once more when a call answers 401 (the session expired).
 */
export function createApiClient(source: SessionSource, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  let current: Promise<SessionView> | undefined;

  async function signIn(): Promise<SessionView> {
    const [appToken, accessToken] = await Promise.all([source.appToken(), source.accessToken()]);
    const input: SessionInput = { organization: source.organization, appToken, accessToken };
    const response = await send('POST', '/session', input);
    return readAnswer<SessionView>(response);
  }

  function session(): Promise<SessionView> {
    current ??= signIn().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  }

  function send(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}, token?: string) {
    return fetchImpl(`${source.baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) => {
      throw new ApiError(0, 'network.unreachable', `the Timehub server at ${source.baseUrl} cannot be reached (${String(error)})`);
    });
  }

  async function authorized(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    const first = await session();
    const response = await send(method, path, body, headers, first.token);
    if (response.status !== 401) return response;
    current = undefined;
    const renewed = await session();
    return send(method, path, body, headers, renewed.token);
  }

  async function request<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return readAnswer<T>(await authorized(method, path, body, headers));
  }

  async function download(path: string): Promise<DownloadedFile> {
    const response = await authorized('GET', path);
    // A refusal comes as the usual JSON error envelope, not as a file.
    if (!response.ok) return readAnswer<never>(response);
    const fileName = attachmentName(response.headers.get('content-disposition'), path.split('?')[0]!.split('/').pop() ?? 'export');
    return { blob: await response.blob(), fileName };
  }

  return { session, request, download };
}
