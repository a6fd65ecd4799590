/** Small builders for API test data: new worklog bodies and instants relative to a start. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The fixed instant API tests start their clock at (a Monday, 09:00 UTC). */
export const T0 = '2025-01-06T09:00:00Z';

/** `base` moved by `ms`, as a UTC ISO instant without milliseconds. */
export function at(base: string | Date, ms = 0): string {
  return new Date(new Date(base).getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface NewWorklog {
  timestamp: string;
  length: number;
  billableLength?: number;
  workItemId?: number | null;
  comment?: string | null;
  activityTypeId?: string | null;
  timeZone?: string;
}

/** A valid worklog body: 30 minutes on work item 1 at T0, with any field overridden. */
export function aWorklog(overrides: Partial<NewWorklog> = {}): NewWorklog {
  return { timestamp: T0, length: 30 * 60, workItemId: 1, ...overrides };
}

/**
 * `count` back-to-back worklogs of `lengthSeconds` each, starting at `start`: a batch
 * that never overlaps itself.
 */
export function consecutiveWorklogs(count: number, start: string, lengthSeconds = 60, overrides: Partial<NewWorklog> = {}): NewWorklog[] {
  return Array.from({ length: count }, (_, i) => aWorklog({ timestamp: at(start, i * lengthSeconds * SECOND), length: lengthSeconds, ...overrides }));
}

export interface WorklogLike {
  id: string;
  timestamp: string;
  length: number;
}

/** Every pair of worklogs that shares time, as readable strings (empty when none do). */
export function overlappingPairs(worklogs: readonly WorklogLike[]): string[] {
  const spans = worklogs.map((w) => ({ id: w.id, start: Date.parse(w.timestamp), end: Date.parse(w.timestamp) + w.length * SECOND }));
  const pairs: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      if (a.start < b.end && b.start < a.end) pairs.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return pairs;
}
