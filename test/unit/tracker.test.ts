import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKING_POLICY, watchFor } from '../../shared/domain/activity-check.js';
import { elapsedSeconds, trackedDraft, type Tracker } from '../../shared/domain/tracker.js';

const tracker: Tracker = {
  id: 't1', orgName: 'fabrikam', user: { id: 'u1', name: 'Bob', uniqueName: 'bob@x' },
  workItemId: 7, startTimestamp: '2026-03-10T08:00:00Z', activityTypeId: 'development', comment: 'pairing',
  isBillable: true, utcOffsetMinutes: 60, timeZone: 'Europe/Berlin',
  watch: watchFor(DEFAULT_TRACKING_POLICY, new Date('2026-03-10T08:00:00Z')), scheduled: null,
};

describe('a tracker', () => {
  it('counts whole elapsed seconds', () => {
    expect(elapsedSeconds(tracker, new Date('2026-03-10T08:01:30.900Z'))).toBe(90);
  });

  it('leaves a worklog from its start to the stop', () => {
    const draft = trackedDraft(tracker, new Date('2026-03-10T09:15:00Z'));
    expect(draft).toMatchObject({ length: 4500, billableLength: 4500, workItemId: 7, comment: 'pairing', utcOffsetMinutes: 60 });
  });

  it('leaves no billable time when not billable', () => {
    expect(trackedDraft({ ...tracker, isBillable: false }, new Date('2026-03-10T09:00:00Z'))?.billableLength).toBe(0);
  });

  it('ends where the next worklog begins', () => {
    const draft = trackedDraft(tracker, new Date('2026-03-10T10:00:00Z'), new Date('2026-03-10T09:00:00Z'));
    expect(draft?.length).toBe(3600);
  });

  it('leaves nothing when stopped within a second', () => {
    expect(trackedDraft(tracker, new Date('2026-03-10T08:00:00.999Z'))).toBeUndefined();
  });

  it('never leaves a worklog longer than 24 hours', () => {
    expect(trackedDraft(tracker, new Date('2026-03-12T08:00:00Z'))?.length).toBe(86_400);
  });
});
