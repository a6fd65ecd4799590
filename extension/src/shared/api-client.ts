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
  /** A file the API streams (an export), with the name its Content-Disposition gives. */
  file(path: string, fallbackName: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** `attachment; filename="report.csv"; filename*=UTF-8''report.csv` → "report.csv" (the UTF-8 form first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
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

  async function signedSend(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    const first = await session();
    const response = await send(method, path, body, headers, first.token);
    if (response.status !== 401) return response;
    current = undefined;
    const renewed = await session();
    return send(method, path, body, headers, renewed.token);
  }

  async function request<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return readAnswer<T>(await signedSend(method, path, body, headers));
  }

  async function file(path: string, fallbackName: string): Promise<DownloadedFile> {
    const response = await signedSend('GET', path);
    // A refusal comes as the JSON error envelope, read as any other answer.
    if (!response.ok) return readAnswer<never>(response);
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
  }

  return { session, request, file };
}
