import { describe, expect, it } from 'vitest';
import type { WorklogView } from '../../../extension/src/shared/api-types.js';
import { planCellEntry } from '../../../extension/src/time-hub/timesheet/cell-entry.js';

const day = '2026-11-30';
const at = (hh: number) => new Date(2026, 10, 30, hh).toISOString();
const worklog = (id: string, workItemId: number | null, start: number, length: number) =>
  ({ id, workItemId, localDay: day, timestamp: at(start), length, billableLength: length }) as WorklogView;
const cell = { workItemId: 3, targetId: null, day };

describe('typing a length into a timesheet cell', () => {
  it('names_text_that_is_no_length', () => {
    expect(planCellEntry('abc', cell, [])).toEqual({ kind: 'refused', problem: '"abc" is not a length. Type 1:30, 1.5 or 90m.' });
  });

  it('places_a_new_worklog_after_the_days_last_so_it_does_not_overlap', () => {
    const plan = planCellEntry('1.5', cell, [worklog('a', 6, 9, 7200)]);
    expect(plan).toMatchObject({ kind: 'add', request: { timestamp: at(11), length: 5400, workItemId: 3 } });
  });

  it('sets_the_length_of_the_only_worklog_and_deletes_it_when_emptied', () => {
    const one = [worklog('a', 3, 9, 3600)];
    expect(planCellEntry('90m', cell, one)).toEqual({ kind: 'patch', id: 'a', patch: { length: 5400, billableLength: 5400 } });
    expect(planCellEntry('', cell, one)).toEqual({ kind: 'delete', id: 'a' });
    expect(planCellEntry('1:00', cell, one)).toEqual({ kind: 'none' });
  });

  it('with_several_worklogs_adds_the_difference_or_shortens_the_latest', () => {
    const two = [worklog('a', 3, 9, 3600), worklog('b', 3, 13, 3600)];
    expect(planCellEntry('2:30', cell, two)).toMatchObject({ kind: 'add', request: { timestamp: at(14), length: 1800 } });
    expect(planCellEntry('1:30', cell, two)).toEqual({ kind: 'patch', id: 'b', patch: { length: 1800, billableLength: 1800 } });
    expect(planCellEntry('0:30', cell, two)).toMatchObject({ kind: 'refused' });
  });

  it('in_a_targets_row_adds_time_on_the_target_and_leaves_the_row_without_a_work_item_alone', () => {
    const vacation = { workItemId: null, targetId: 'vacation', day };
    const elsewhere = [worklog('a', null, 9, 3600)];
    const plan = planCellEntry('8', vacation, elsewhere);
    expect(plan).toMatchObject({ kind: 'add', request: { timestamp: at(10), length: 8 * 3600, workItemId: null, targetId: 'vacation', billableLength: undefined } });
    const onTarget = [{ ...worklog('b', null, 9, 3600), targetId: 'vacation' }];
    expect(planCellEntry('2', vacation, onTarget)).toEqual({ kind: 'patch', id: 'b', patch: { length: 7200, billableLength: 7200 } });
  });
});
