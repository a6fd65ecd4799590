import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, badRequest, type ErrorDetail } from '../domain/errors.js';
import { errorBody } from './seven-pace-errors.js';

export interface HttpOutput {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A text answer (see TextAnswer): hosts send it as it is instead of `body` as JSON. */
  text?: string;
  /** A streamed answer (see StreamedFile): hosts send it chunk by chunk instead of `body`. */
  stream?: AsyncIterable<Uint8Array>;
}

type Issue = z.ZodError['issues'][number];

/** A union names no field by itself: report the issues of the branch that came closest (the fewest). */
function closestIssues(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
  return best.flatMap((inner) => closestIssues({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

/** Turns zod issues into one readable message plus a detail per issue. */
export function invalidInput(where: 'body' | 'query' | 'path', error: z.ZodError): AppError {
  const details: ErrorDetail[] = error.issues.flatMap(closestIssues).map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    return { path, code: `request.${issue.code}`, message: `${path}: ${issue.message}` };
  });
  const message = details.map((d) => d.message).join('; ');
  // 7pace answers 413 for a batch over its 500 items: a body array that is too long as a whole.
  const tooManyItems = where === 'body' && error.issues.some((issue) => issue.code === 'too_big' && issue.origin === 'array' && issue.path.length === 0);
  if (tooManyItems) return new AppError(413, 'request.too_many_items', message, details);
  return badRequest('request.invalid', message, details);
}

/** The one place where errors become HTTP (Timehub's and 7pace's fields). Anything unexpected is logged and answers 500. */
export function errorToHttp(error: unknown, log: (line: string) => void): HttpOutput {
  if (error instanceof AppError) {
    const { code, message, details } = error;
    // 429: 7pace's Retry-After header and `fields.retryAfter` (rate-limit.ts).
    const retryAfter = error.status === 429 ? details?.find((detail) => detail.path === 'retryAfter')?.message : undefined;
    const body = errorBody(error.status, code, message, details, retryAfter ? { retryAfter } : undefined);
    return { status: error.status, body, ...(retryAfter && { headers: { 'Retry-After': retryAfter } }) };
  }
  const correlationId = randomUUID();
  log(`unexpected error ${correlationId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return {
    status: 500,
    body: errorBody(500, 'internal', `unexpected error; quote ${correlationId} when reporting it`),
  };
}
