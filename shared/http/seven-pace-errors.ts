import type { ErrorDetail } from '../domain/errors.js';

/**
 * 7pace's error code names (7PACE-API.md §2.7), so that clients written for 7pace read
 * `errorCode` as they expect. One table: Timehub code → 7pace name; the status decides
 * where no code matches.
 */
const BY_CODE: Record<string, string> = {
  'request.api_version': 'ApiVersionError',
  'auth.unauthorized': 'UnauthorizedError',
  'auth.forbidden': 'AccessDenied',
  'org.uninstalled': 'AccessDenied',
  not_found: 'EntityNotFound',
  'route.not_found': 'EntityNotFound',
  'worklog.unknown_work_item': 'EntityNotFound',
  'worklog.unknown_activity_type': 'EntityNotFound',
  'worklog.needs_work_item_or_comment': 'WorkItemIdOrCommentRequired',
  'tracking.needs_work_item': 'WorkItemIdOrCommentRequired',
  'worklog.length_out_of_range': 'LengthMustBePositive',
  'worklog.too_far_in_future': 'FutureCheckFailed',
  'rate.limited': 'QuoteExceededError',
  internal: 'UnexpectedError',
};

const BY_PREFIX: [string, string][] = [
  ['approval.', 'ApprovalStateFailed'],
  ['subscription.', 'LicenseReadOnly'],
  ['license.', 'LicenseReadOnly'],
];

const BY_STATUS: Record<number, string> = {
  401: 'UnauthorizedError', 402: 'LicenseReadOnly', 403: 'AccessDenied', 404: 'EntityNotFound', 405: 'UnknownError', 429: 'QuoteExceededError',
};

/** Request validation issues that 7pace names on their own. */
function byDetail(details: readonly ErrorDetail[] | undefined): string | undefined {
  for (const detail of details ?? []) {
    if (detail.path === 'body.length' && detail.code === 'request.invalid_type') return 'LengthIsRequired';
    if (detail.path === 'query.$workItemIds' && detail.code === 'request.too_big') return 'FilterWorkItemIdsCountExceeded';
    const named = BY_CODE[detail.code];
    if (named) return named;
  }
  return undefined;
}

export function sevenPaceErrorCode(status: number, code: string, details?: readonly ErrorDetail[]): string {
  return (
    BY_CODE[code] ??
    BY_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1] ??
    byDetail(details) ??
    BY_STATUS[status] ??
    (status >= 500 ? 'UnexpectedError' : 'DbValidationError')
  );
}

/** Timehub's `{ code, message, details? }` and 7pace's `statusCode`, `errorCode`, `errorDescription`, side by side. */
export function errorBody(status: number, code: string, message: string, details?: ErrorDetail[], fields?: Record<string, string>) {
  return {
    error: {
      code, message, ...(details && { details }),
      statusCode: status, errorCode: sevenPaceErrorCode(status, code, details), errorDescription: message, ...(fields && { fields }),
    },
  };
}
