import type { ErrorDetail } from '../../../shared/domain/errors.js';

/** An answer of the Timehub API that is not a success: the server's code and message, kept for display. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server does not have this endpoint (yet): the page says so instead of failing. */
  get endpointMissing(): boolean {
    return this.status === 404 && this.code.startsWith('route.');
  }
}

/** Reads `{ data }` or `{ error }` from a response; anything else is reported as it came. */
export async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'response.not_json', `the server answered ${response.status} with: ${text.slice(0, 200)}`);
  }
  if (response.ok) return (body as { data: T }).data;
  const error = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `http.${response.status}`,
    error?.message ?? `the server answered ${response.status} ${response.statusText}`,
    error?.details ?? [],
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
