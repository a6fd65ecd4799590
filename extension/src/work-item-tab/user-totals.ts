import type { WorklogView } from '../shared/api-types.js';

/** Time per person, most first. */
export function userTotals(worklogs: readonly WorklogView[]): { name: string; seconds: number }[] {
  const totals = new Map<string, { name: string; seconds: number }>();
  for (const worklog of worklogs) {
    const entry = totals.get(worklog.user.id) ?? { name: worklog.user.name, seconds: 0 };
    entry.seconds += worklog.length;
    totals.set(worklog.user.id, entry);
  }
  return [...totals.values()].sort((a, b) => b.seconds - a.seconds);
}
