import { describe, expect, it } from 'vitest';
import { buildTimesheet } from '../../shared/domain/timesheet.js';
import { localDay, offsetOf } from '../../shared/domain/time.js';
import { DEFAULT_TARGETS } from '../../shared/domain/targets.js';
import { buildWorklog, type WorklogDraft } from '../../shared/domain/worklog.js';

const user = { id: 'u1', name: 'Bob', uniqueName: 'bob@x' };
let next = 0;
function worklog(start: string, length: number, workItemId: number | null, utcOffsetMinutes = 0, targetId: string | null = null) {
  const draft: WorklogDraft = { start: new Date(start), length, billableLength: length, utcOffsetMinutes, workItemId, targetId, comment: 'c', activityTypeId: null };
  return buildWorklog(draft, { id: `w${++next}`, user, addedByUser: user }, { isTracked: false, isManuallyEntered: true, isChanged: false }, new Date(start));
}

describe('the timesheet', () => {
  const worklogs = [
    worklog('2026-03-09T08:00:00Z', 3600, 1),
    worklog('2026-03-09T10:00:00Z', 1800, 1),
    worklog('2026-03-10T08:00:00Z', 7200, 2),
    worklog('2026-03-10T23:30:00Z', 600, null, 60),
  ];
  const sheet = buildTimesheet('2026-03-09', '2026-03-11', worklogs, new Map([[1, 'Login page'], [2, 'Fix crash']]));

  it('has one column per day and one row per work item', () => {
    expect(sheet.days.map((d) => d.day)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    expect(sheet.rows.map((r) => [r.workItemId, r.title])).toEqual([[1, 'Login page'], [2, 'Fix crash'], [null, null]]);
  });

  it('adds up cells, rows and days', () => {
    expect(sheet.rows[0]?.cells[0]).toMatchObject({ seconds: 5400, worklogIds: ['w1', 'w2'] });
    expect(sheet.rows[0]?.totalSeconds).toBe(5400);
    expect(sheet.days.map((d) => d.totalSeconds)).toEqual([5400, 7200, 600]);
    expect(sheet.totalSeconds).toBe(13_200);
  });

  it('puts a worklog on the local day of its user', () => {
    expect(sheet.rows[2]?.cells[2]?.worklogIds).toEqual(['w4']);
  });

  it('gives each target a row with its name and colour, after the work items and before the time on neither', () => {
    const withTargets = buildTimesheet('2026-03-09', '2026-03-11', [
      ...worklogs,
      worklog('2026-03-11T08:00:00Z', 3600, null, 0, 'vacation'),
      worklog('2026-03-11T12:00:00Z', 1800, null, 0, 'meetings'),
      worklog('2026-03-09T12:00:00Z', 1800, null, 0, 'meetings'),
    ], new Map([[1, 'Login page'], [2, 'Fix crash']]), DEFAULT_TARGETS);
    expect(withTargets.rows.map((r) => [r.workItemId, r.targetId, r.title, r.color, r.totalSeconds])).toEqual([
      [1, null, 'Login page', null, 5400],
      [2, null, 'Fix crash', null, 7200],
      [null, 'meetings', 'Meetings', '#8764b8', 3600],
      [null, 'vacation', 'Vacation', '#00b7c3', 3600],
      [null, null, null, null, 600],
    ]);
  });
});

describe('local days', () => {
  it('follow the offset, including daylight saving time', () => {
    expect(localDay(new Date('2026-03-10T23:30:00Z'), 60)).toBe('2026-03-11');
    expect(offsetOf('Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetOf('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(offsetOf('America/St_Johns', new Date('2026-01-15T12:00:00Z'))).toBe(-210);
  });
});
