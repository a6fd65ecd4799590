/**
 * Expected failures: each has a stable machine code and the HTTP status it maps to.
 * Anything else reaching the edge is a bug and answers 500.
 */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 405 | 409 | 413 | 422 | 429;

export interface ErrorDetail {
  path?: string;
  index?: number;
  code: string;
  message: string;
  /** What a write collides with, for a client to name it in its own words and time zone. */
  conflict?: { worklogId?: string; workItemId?: number | null; timestamp: string; endTimestamp: string };
}

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(400, code, message, details);
export const unauthorized = (message: string) => new AppError(401, 'auth.unauthorized', message);
export const forbidden = (message: string) => new AppError(403, 'auth.forbidden', message);
/** The subscription does not cover this (expired, or no seat left): the org stays readable. */
export const paymentRequired = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(402, code, message, details);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const conflict = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(422, code, message, details);
