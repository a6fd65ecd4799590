import { addSeconds, isoSeconds } from './time.js';

/** The org's rules for running trackers (GET/PUT /api/settings/tracking). */
export interface TrackingPolicy {
  activityCheck: { enabled: boolean; intervalMinutes: number; waitingSeconds: number };
  maxTrackLengthHours: number;
  emailNotifications: boolean;
}

export const DEFAULT_TRACKING_POLICY: TrackingPolicy = {
  activityCheck: { enabled: true, intervalMinutes: 60, waitingSeconds: 300 },
  maxTrackLengthHours: 10,
  emailNotifications: true,
};

export const STOP_REASONS = {
  noResponse: 'No response from user during activity check',
  trackLengthExceeded: 'Track length exceeded',
  uninstalled: 'Timehub was uninstalled',
} as const;
export type StopReason = (typeof STOP_REASONS)[keyof typeof STOP_REASONS];

/**
 * What a running tracker watches for. The policy is copied in at start, so a settings
 * change never rewrites a tracker that is already running.
 */
export interface TrackerWatch {
  checkIntervalSeconds: number | null;
  waitingSeconds: number;
  /** Start + the maximum track length. */
  stopAt: string;
  nextCheckAt: string | null;
  /** Set while a check waits for an answer: when it was raised. */
  raisedAt: string | null;
}

export type TimerEvent = { kind: 'check' | 'unanswered' | 'maxLength'; at: string };

export type Outcome = { kind: 'running'; watch: TrackerWatch } | { kind: 'stop'; at: Date; reason: StopReason };

export function watchFor(policy: TrackingPolicy, start: Date): TrackerWatch {
  const interval = policy.activityCheck.enabled ? policy.activityCheck.intervalMinutes * 60 : null;
  return {
    checkIntervalSeconds: interval,
    waitingSeconds: policy.activityCheck.waitingSeconds,
    stopAt: isoSeconds(addSeconds(start, policy.maxTrackLengthHours * 3600)),
    nextCheckAt: interval === null ? null : isoSeconds(addSeconds(start, interval)),
    raisedAt: null,
  };
}

export function respondBy(watch: TrackerWatch): string | null {
  return watch.raisedAt ? isoSeconds(addSeconds(new Date(watch.raisedAt), watch.waitingSeconds)) : null;
}

/** The next moment something happens to the tracker on its own. */
export function nextEvent(watch: TrackerWatch): TimerEvent {
  const pending: TimerEvent | undefined = watch.raisedAt
    ? { kind: 'unanswered', at: respondBy(watch) ?? watch.raisedAt }
    : watch.nextCheckAt
      ? { kind: 'check', at: watch.nextCheckAt }
      : undefined;
  const maxLength: TimerEvent = { kind: 'maxLength', at: watch.stopAt };
  return pending && pending.at < maxLength.at ? pending : maxLength;
}

/**
 * Everything that is due by `now`, in order: checks get raised, an unanswered check
 * stops the tracker when it was raised (the waiting time does not count), and the
 * maximum length stops it at exactly start + maximum.
 */
export function settle(watch: TrackerWatch, now: Date): Outcome {
  let current = watch;
  for (;;) {
    const event = nextEvent(current);
    if (new Date(event.at) > now) return { kind: 'running', watch: current };
    if (event.kind === 'maxLength') return { kind: 'stop', at: new Date(current.stopAt), reason: STOP_REASONS.trackLengthExceeded };
    if (event.kind === 'unanswered') return { kind: 'stop', at: new Date(current.raisedAt ?? event.at), reason: STOP_REASONS.noResponse };
    current = { ...current, raisedAt: event.at, nextCheckAt: null };
  }
}

/**
 * "Still working": the check is answered and the next one counts from now, or comes at
 * `nextCheckAt` when the user postponed it (7pace's idleCheck). Checks switched off stay off.
 */
export function answered(watch: TrackerWatch, now: Date, nextCheckAt?: Date): TrackerWatch {
  const next = nextCheckAt ?? (watch.checkIntervalSeconds === null ? null : addSeconds(now, watch.checkIntervalSeconds));
  return { ...watch, raisedAt: null, nextCheckAt: watch.checkIntervalSeconds === null || !next ? null : isoSeconds(next) };
}

/** What the user sees: a check that waits for an answer, if any. */
export function pendingCheck(watch: TrackerWatch) {
  return watch.raisedAt ? { dueAt: watch.raisedAt, respondBy: respondBy(watch) } : null;
}
