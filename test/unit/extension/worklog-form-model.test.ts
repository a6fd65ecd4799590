import { describe, expect, it } from 'vitest';
import { hoursMinutes, parseDuration } from '../../../extension/src/shared/format.js';
import { newWorklogValues, toWorklogRequest } from '../../../extension/src/shared/worklogs/worklog-form-model.js';
import { addDays, mondayOf, weekDays } from '../../../extension/src/time-hub/timesheet/week.js';

describe('the worklog form', () => {
  it('turns_a_timeframe_into_a_start_and_a_length_in_seconds', () => {
    const result = toWorklogRequest({ ...newWorklogValues('2026-11-23', 3), start: '09:00', end: '10:30', comment: ' Research ' });
    expect(result).toMatchObject({ ok: true, request: { length: 5400, billableLength: 5400, workItemId: 3, comment: 'Research' } });
    if (result.ok) expect(result.request.timestamp).toMatch(/^2026-11-23T09:00:00[+-]\d{2}:\d{2}$/);
  });

  it('turns_a_duration_into_a_length_and_leaves_unbillable_time_at_zero', () => {
    const result = toWorklogRequest({ ...newWorklogValues('2026-11-23', 3), mode: 'duration', duration: '1:15', billable: false });
    expect(result).toMatchObject({ ok: true, request: { length: 4500, billableLength: 0 } });
  });

  it('refuses_an_end_before_the_start_and_a_duration_it_cannot_read', () => {
    expect(toWorklogRequest({ ...newWorklogValues('2026-11-23', 3), start: '11:00', end: '10:00' })).toEqual({ ok: false, problem: 'The end must be after the start.' });
    expect(toWorklogRequest({ ...newWorklogValues('2026-11-23', 3), mode: 'duration', duration: 'soon' })).toMatchObject({ ok: false });
  });

  it('reads_the_work_item_typed_by_hand_or_none', () => {
    expect(toWorklogRequest({ ...newWorklogValues('2026-11-23'), workItemText: '#12' })).toMatchObject({ ok: true, request: { workItemId: 12 } });
    expect(toWorklogRequest({ ...newWorklogValues('2026-11-23'), workItemText: '', comment: 'Planning' })).toMatchObject({ ok: true, request: { workItemId: null } });
    expect(toWorklogRequest({ ...newWorklogValues('2026-11-23'), workItemText: 'abc' })).toMatchObject({ ok: false });
  });

  it('puts_time_on_a_target_billable_as_the_target_says_and_never_on_a_work_item_as_well', () => {
    const vacation = newWorklogValues('2026-11-23', undefined, { id: 'vacation', isBillable: false });
    expect(toWorklogRequest(vacation)).toMatchObject({ ok: true, request: { targetId: 'vacation', workItemId: null, billableLength: 0 } });
    expect(toWorklogRequest({ ...vacation, workItemText: '12' })).toEqual({ ok: false, problem: 'Time goes on a work item or a target, not both.' });
    expect(toWorklogRequest(vacation, 7)).toMatchObject({ ok: true, request: { targetId: null, workItemId: 7 } });
  });
});

describe('lengths and weeks', () => {
  it('reads_durations_as_people_type_them', () => {
    expect(['1:30', '1.5', '1h 30m', '90m', '2'].map(parseDuration)).toEqual([5400, 5400, 5400, 5400, 7200]);
    expect(parseDuration('')).toBeUndefined();
    expect(hoursMinutes(5400)).toBe('1:30');
  });

  it('starts_weeks_on_monday_and_moves_by_seven_days', () => {
    expect(mondayOf(new Date(2026, 10, 29, 12))).toBe('2026-11-23'); // a Sunday
    expect(mondayOf(new Date(2026, 10, 23, 0, 30))).toBe('2026-11-23');
    expect(weekDays('2026-11-23')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
});
