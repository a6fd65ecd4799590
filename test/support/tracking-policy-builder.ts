import type { TrackingPolicy } from '../../shared/domain/activity-check.js';

/** Tracking settings for tests: the done-when scenario of issue 3 unless overridden. */
export function aTrackingPolicy(overrides: Partial<TrackingPolicy> & { intervalMinutes?: number; waitingSeconds?: number; checks?: boolean } = {}): TrackingPolicy {
  const { intervalMinutes = 1, waitingSeconds = 10, checks = true, ...rest } = overrides;
  return {
    activityCheck: { enabled: checks, intervalMinutes, waitingSeconds },
    maxTrackLengthHours: 10,
    emailNotifications: true,
    ...rest,
  };
}
