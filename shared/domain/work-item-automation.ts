/** What an org writes back to its work items (7pace's "work item automation", opt-in). */
export interface AutomationSettings {
  enabled: boolean;
  completedWork: 'add' | 'none';
  remainingWork: 'subtract' | 'none';
  /** Hours the written total is rounded to (nearest); 0: not rounded. */
  roundingHours: number;
  /** Work item types written to, e.g. Task and Bug; others are left alone. */
  workItemTypes: string[];
}

export const DEFAULT_AUTOMATION: AutomationSettings = {
  enabled: false, completedWork: 'add', remainingWork: 'subtract', roundingHours: 0, workItemTypes: ['Task', 'Bug'],
};

/** How much of a work item's fields is Timehub's, so that only Timehub's share ever moves. */
export interface Contribution {
  /** Time tracked on the item since automation began, by every change accepted. */
  trackedSeconds: number;
  /** Hours Timehub has added to Completed Work so far. */
  writtenHours: number;
  /** Hours Timehub has taken off Remaining Work so far (less than tracked once it reached 0). */
  takenHours: number;
}

/** New field values (hours); a field left out is not written. The directory port takes the same shape. */
export interface SchedulingFieldChanges {
  completedWork?: number;
  remainingWork?: number;
}

export interface FieldValues {
  completedWork: number | null;
  remainingWork: number | null;
}

export interface FieldPlan {
  /** The fields to write; empty when the item already shows Timehub's share. */
  changes: SchedulingFieldChanges;
  next: Pick<Contribution, 'writtenHours' | 'takenHours'>;
}

const EPSILON = 1e-9;

/** Tracked time in hours, to the nearest rounding step (none: to the second, in hours). */
export function roundedHours(seconds: number, roundingHours: number): number {
  const hours = seconds / 3600;
  if (roundingHours <= 0) return hours;
  return Math.round(hours / roundingHours) * roundingHours;
}

/**
 * The field values that give Timehub's current share, whatever people typed by hand: each
 * field's value without Timehub's share (value - written, value + taken) stays as it is.
 * - Completed Work = its own value + tracked, never below 0.
 * - Remaining Work = its own value - tracked, never below 0; what could not be taken off is
 *   not owed later, and time removed gives back only what was taken.
 */
export function planFields(share: Contribution, current: FieldValues, settings: AutomationSettings): FieldPlan {
  const tracked = roundedHours(share.trackedSeconds, settings.roundingHours);
  const changes: SchedulingFieldChanges = {};
  let { writtenHours, takenHours } = share;
  if (settings.completedWork === 'add') {
    const own = (current.completedWork ?? 0) - share.writtenHours;
    const value = tidy(Math.max(0, own + tracked));
    if (Math.abs(value - (current.completedWork ?? 0)) > EPSILON || (current.completedWork === null && value !== 0)) changes.completedWork = value;
    writtenHours = value - own;
  }
  if (settings.remainingWork === 'subtract') {
    const own = (current.remainingWork ?? 0) + share.takenHours;
    takenHours = Math.min(Math.max(0, tracked), Math.max(0, own));
    const value = tidy(own - takenHours);
    if (Math.abs(value - (current.remainingWork ?? 0)) > EPSILON) changes.remainingWork = value;
  }
  return { changes, next: { writtenHours, takenHours } };
}

/** Sums of hours pick up binary noise (0.1 + 0.2): keep six decimals, far below a second. */
const tidy = (hours: number) => Math.round(hours * 1e6) / 1e6;

export const hasChanges = (changes: SchedulingFieldChanges) => changes.completedWork !== undefined || changes.remainingWork !== undefined;

/** Whether the revision someone read holds exactly what an update that was cut off meant to write. */
export function holdsChanges(values: FieldValues, changes: SchedulingFieldChanges): boolean {
  return (['completedWork', 'remainingWork'] as const).every((key) => changes[key] === undefined || Math.abs((values[key] ?? 0) - changes[key]) <= EPSILON);
}
