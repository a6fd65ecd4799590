import type { TimehubApi } from '../../shared/timehub-api.js';

/**
 * The API as the timesheet's cells and panels use it, writing `userId`'s worklogs: they call
 * addWorklog, updateWorklog and deleteWorklog as for one's own, and the picked person rides along.
 */
export function subjectApi(api: TimehubApi, userId: string | undefined): TimehubApi {
  if (userId === undefined) return api;
  return {
    ...api,
    addWorklog: (input, idempotencyKey) => api.addWorklog(input, idempotencyKey, userId),
    updateWorklog: (id, patch) => api.updateWorklog(id, patch, userId),
    deleteWorklog: (id) => api.deleteWorklog(id, userId),
  };
}

/** Why another's week takes no changes: the caller may read their time, not change it. */
export const readOnlyReason = (name: string) => `You are viewing ${name}'s time read only: changing another user's time needs the Administrator role`;

/** Every day of the week locked with `reason` (read only), over the approval locks. */
export function lockedAll(days: readonly string[], approvalLocks: ReadonlyMap<string, string>, reason: string | undefined): ReadonlyMap<string, string> {
  if (reason === undefined) return approvalLocks;
  return new Map(days.map((day) => [day, reason]));
}
