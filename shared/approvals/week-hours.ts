import { daysBetween } from '../domain/time.js';
import type { DayRange } from '../domain/week-locks.js';
import type { DocumentStore } from '../ports/document-store.js';
import { rollupId, type RollupDoc } from '../rollups/rollup-docs.js';
import { userPartition } from '../worklogs/user-ledger.js';

export interface WeekHours {
  /** Seconds in the week. */
  total: number;
  /** Seconds per local day of the week, every day listed. */
  perDay: Record<string, number>;
}

/** A week's time from the user's month rollups: one or two point reads, never a worklog. */
export async function weekHours(store: DocumentStore, orgId: string, userId: string, week: DayRange): Promise<WeekHours> {
  const months = [...new Set([week.from.slice(0, 7), week.to.slice(0, 7)])];
  const docs = await Promise.all(months.map((month) => store.read<RollupDoc>('worklogs', userPartition(orgId, userId), rollupId(month))));
  const perDay = Object.fromEntries(daysBetween(week.from, week.to).map((day) => [day, 0]));
  for (const doc of docs) {
    for (const [day, , , , length] of doc?.cells ?? []) {
      if (day in perDay) perDay[day] = (perDay[day] ?? 0) + length;
    }
  }
  return { total: Object.values(perDay).reduce((a, b) => a + b, 0), perDay };
}
