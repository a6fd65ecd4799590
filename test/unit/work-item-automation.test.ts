import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTOMATION, planFields, roundedHours, type AutomationSettings } from '../../shared/domain/work-item-automation.js';

const on: AutomationSettings = { ...DEFAULT_AUTOMATION, enabled: true };
const share = (trackedHours: number, writtenHours = 0, takenHours = 0) => ({ trackedSeconds: trackedHours * 3600, writtenHours, takenHours });

describe('planFields: what Timehub writes to a work item', () => {
  it('adds tracked time to Completed Work and takes it off Remaining Work', () => {
    expect(planFields(share(1.5), { completedWork: 2, remainingWork: 6 }, on)).toEqual({ changes: { completedWork: 3.5, remainingWork: 4.5 }, next: { writtenHours: 1.5, takenHours: 1.5 } });
  });

  it('moves only its own share: a hand edit since the last write stays', () => {
    // Timehub added 1.5 h and took 1.5 h; someone then set Completed Work to 10 and Remaining Work to 1.
    const plan = planFields(share(2, 1.5, 1.5), { completedWork: 10, remainingWork: 1 }, on);
    expect(plan.changes).toEqual({ completedWork: 10.5, remainingWork: 0.5 });
  });

  it('never takes Remaining Work below 0, and gives back only what it took when time goes away', () => {
    const clamped = planFields(share(5), { completedWork: 0, remainingWork: 2 }, on);
    expect(clamped).toEqual({ changes: { completedWork: 5, remainingWork: 0 }, next: { writtenHours: 5, takenHours: 2 } });
    const afterDelete = planFields({ trackedSeconds: 3600, ...clamped.next }, { completedWork: 5, remainingWork: 0 }, on);
    expect(afterDelete.changes).toEqual({ completedWork: 1, remainingWork: 1 });
  });

  it('writes nothing when the item already shows its share, or when both fields are set to do nothing', () => {
    expect(planFields(share(1, 1, 1), { completedWork: 3, remainingWork: 5 }, on).changes).toEqual({});
    expect(planFields(share(4), { completedWork: 3, remainingWork: 5 }, { ...on, completedWork: 'none', remainingWork: 'none' }).changes).toEqual({});
  });

  it('rounds the total, not each worklog, to the chosen step', () => {
    expect(roundedHours(20 * 60, 0.25)).toBe(0.25);
    expect(roundedHours(50 * 60, 0.5)).toBe(1);
    expect(planFields({ trackedSeconds: 3 * 20 * 60, writtenHours: 0, takenHours: 0 }, { completedWork: 0, remainingWork: null }, { ...on, roundingHours: 0.25 }).changes)
      .toEqual({ completedWork: 1 });
  });
});
