import type { z } from 'zod';

/** Azure DevOps did not answer as expected (outage, timeout, unexpected shape, service identity refused). */
export class DevOpsRequestError extends Error {
  readonly code = 'devops.request_failed';
  constructor(message: string, readonly status?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DevOpsRequestError';
  }
}

/** Without a Retry-After, wait a minute: Azure DevOps' limit is a sliding 5-minute window. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Retry-After in seconds (Azure DevOps sends seconds; an HTTP date is read too). */
export function retryAfterSeconds(header: string | null): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

export function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new DevOpsRequestError(`Unexpected ${what} response: ${result.error.message}`);
  return result.data;
}
