import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKING_POLICY, watchFor } from '../../shared/domain/activity-check.js';
import { checkDraft, findOverlap, type WorklogDraft } from '../../shared/domain/worklog.js';
import { overlapProblems } from '../../shared/worklogs/worklog-checks.js';

const now = new Date('2026-03-10T12:00:00Z');
const draft = (over: Partial<WorklogDraft> = {}): WorklogDraft => ({
  start: new Date('2026-03-10T08:00:00Z'), length: 3600, billableLength: 3600, utcOffsetMinutes: 0,
  workItemId: 1, targetId: null, comment: null, activityTypeId: null, ...over,
});
const codes = (d: WorklogDraft) => checkDraft(d, now).map((p) => p.code);

describe('worklog rules', () => {
  it('accept one second to 24 hours', () => {
    expect(codes(draft({ length: 1, billableLength: 1 }))).toEqual([]);
    expect(codes(draft({ length: 86_400, billableLength: 0 }))).toEqual([]);
    expect(codes(draft({ length: 0, billableLength: 0 }))).toContain('worklog.length_out_of_range');
    expect(codes(draft({ length: 86_401 }))).toContain('worklog.length_out_of_range');
  });

  it('need a work item or a comment', () => {
    expect(codes(draft({ workItemId: null, comment: '  ' }))).toEqual(['worklog.needs_work_item_or_comment']);
    expect(codes(draft({ workItemId: null, comment: 'standup' }))).toEqual([]);
  });

  it('take a target instead of a work item or a comment, never a work item and a target', () => {
    expect(codes(draft({ workItemId: null, targetId: 'vacation' }))).toEqual([]);
    expect(codes(draft({ workItemId: 3, targetId: 'vacation' }))).toEqual(['worklog.work_item_and_target']);
  });

  it('refuse a start more than one day ahead', () => {
    expect(codes(draft({ start: new Date('2026-03-11T12:00:00Z') }))).toEqual([]);
    expect(codes(draft({ start: new Date('2026-03-11T12:00:01Z') }))).toEqual(['worklog.too_far_in_future']);
  });

  it('keep billable time within the length', () => {
    expect(codes(draft({ billableLength: 3601 }))).toEqual(['worklog.billable_out_of_range']);
  });
});

describe('overlap detection', () => {
  const existing = [{ id: 'a', timestamp: '2026-03-10T08:00:00Z', endTimestamp: '2026-03-10T09:00:00Z' }];

  it('lets worklogs touch end to start', () => {
    expect(findOverlap(new Date('2026-03-10T09:00:00Z'), new Date('2026-03-10T10:00:00Z'), existing)).toBeUndefined();
    expect(findOverlap(new Date('2026-03-10T07:00:00Z'), new Date('2026-03-10T08:00:00Z'), existing)).toBeUndefined();
  });

  it('finds a worklog that shares even one second', () => {
    expect(findOverlap(new Date('2026-03-10T08:59:59Z'), new Date('2026-03-10T10:00:00Z'), existing)?.id).toBe('a');
    expect(findOverlap(new Date('2026-03-10T07:00:00Z'), new Date('2026-03-10T11:00:00Z'), existing)?.id).toBe('a');
  });

  it('ignores the worklog being edited', () => {
    expect(findOverlap(new Date('2026-03-10T08:30:00Z'), new Date('2026-03-10T09:30:00Z'), existing, 'a')).toBeUndefined();
  });

  it('reports batch items that overlap each other by index', () => {
    const problems = overlapProblems([draft({ start: new Date('2026-03-10T10:00:00Z') }), draft({ start: new Date('2026-03-10T10:30:00Z') })], [], null, now);
    expect(problems).toEqual([expect.objectContaining({ index: 1, code: 'worklog.overlap' })]);
  });

  it('treats the running tracker as taken time up to now', () => {
    const tracker = {
      id: 't1', orgName: 'fabrikam', user: { id: 'u1', name: 'Bob', uniqueName: 'bob@x' }, workItemId: 1,
      startTimestamp: '2026-03-10T11:00:00Z', activityTypeId: null, comment: null, isBillable: true, utcOffsetMinutes: 0,
      timeZone: null, watch: watchFor(DEFAULT_TRACKING_POLICY, new Date('2026-03-10T11:00:00Z')), scheduled: null,
    };
    const problems = overlapProblems([draft({ start: new Date('2026-03-10T11:30:00Z'), length: 600 })], [], tracker, now);
    expect(problems.map((p) => p.code)).toEqual(['worklog.overlaps_tracker']);
  });
});
