import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import type { TrackingPolicy } from '../shared/domain/activity-check.js';
import { AppError } from '../shared/domain/errors.js';
import { toWholeSecond } from '../shared/domain/time.js';
import type { Caller } from '../shared/identity/caller.js';
import type { Ports } from '../shared/ports/index.js';
import { answerActivityCheck } from '../shared/tracking/answer-activity-check.js';
import { startTracking } from '../shared/tracking/start-tracking.js';
import type { SkipClock } from './skip-clock.js';

/** The org's rules in the tracker scenario: a check a minute, 20 s to answer, no emails. */
export const FLEET_POLICY: TrackingPolicy = {
  activityCheck: { enabled: true, intervalMinutes: 1, waitingSeconds: 20 },
  maxTrackLengthHours: 1,
  emailNotifications: false,
};
const INTERVAL_MS = FLEET_POLICY.activityCheck.intervalMinutes * 60_000;
const MAX_MS = FLEET_POLICY.maxTrackLengthHours * 3600_000;
/** Every user starts once within this long from the beginning, at a random moment. */
export const START_SPREAD_MS = 60_000;
/** Every fifth user never answers a check; the others answer 1 to 15 s after it is due. */
const answers = (user: number) => user % 5 !== 0;
const answerDelayMs = (random: () => number) => 1000 + Math.floor(random() * 14_000);

type Action = { at: number; user: number; kind: 'start' | 'answer' };

/** Deterministic randomness (mulberry32): every run plans the same fleet. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Virtual users in the seeded fabrikam org, one tracker each. */
export function fleetCallers(count: number): Caller[] {
  const org = findSeedOrganization('fabrikam');
  if (!org) throw new Error('the local seed has no fabrikam');
  return Array.from({ length: count }, (_, i) => ({
    orgId: org.id, orgName: org.name, roles: [],
    user: { id: `fleet-user-${i}`, name: `Fleet User ${i}`, uniqueName: `fleet${i}@fabrikam.example` },
  }));
}

/**
 * The users' side of the tracker scenario: each starts a tracker through the use case and
 * answers "still working" to every check (or to none), one request after another in time
 * order, on the same event loop as the worker. It knows each tracker's start, so it can
 * tell the tracked time: a silent user's worklog ends at the unanswered check.
 */
export class Fleet {
  readonly counts = { starts: 0, answers: 0, late: 0, errors: 0 };
  firstError: string | undefined;
  private readonly heap: Action[] = [];
  private readonly started: number[] = [];
  private readonly random = seeded(42);

  constructor(private readonly ports: Ports, private readonly callers: Caller[], private readonly clock: SkipClock) {
    const begin = clock.ms();
    callers.forEach((_, user) => this.push({ at: begin + Math.floor(this.random() * START_SPREAD_MS), user, kind: 'start' }));
  }

  /** Runs every action due before `end`, then leaves the clock to the other loops. */
  async run(end: number) {
    for (let action = this.pop(); action && action.at < end; action = this.pop()) {
      await this.clock.sleepUntil(action.at);
      try {
        await this.act(action);
      } catch (error) {
        if (error instanceof AppError && error.code === 'tracking.check_expired') this.counts.late++;
        else this.counts.errors++;
        this.firstError ??= String((error as Error).message ?? error);
      }
    }
    this.clock.retire();
  }

  /** Tracked hours up to `end`: each tracker runs until its unanswered check, its maximum length or `end`. */
  trackedHours(end: number) {
    let ms = 0;
    this.started.forEach((start, user) => {
      const stop = Math.min(end, start + MAX_MS, answers(user) ? Infinity : start + INTERVAL_MS);
      ms += Math.max(0, stop - start);
    });
    return ms / 3600_000;
  }

  private async act({ user, kind }: Action) {
    const caller = this.callers[user]!;
    if (kind === 'start') {
      const { tracker } = await startTracking(this.ports, caller, { workItemId: (user % 20) + 1 });
      this.counts.starts++;
      this.started[user] = Date.parse(tracker.startTimestamp);
      if (answers(user)) this.push({ at: this.started[user] + INTERVAL_MS + answerDelayMs(this.random), user, kind: 'answer' });
      return;
    }
    await answerActivityCheck(this.ports, caller);
    this.counts.answers++;
    // The next check counts from the answer (a whole second no later than now).
    const next = toWholeSecond(this.clock.now()).getTime() + INTERVAL_MS;
    this.push({ at: next + answerDelayMs(this.random), user, kind: 'answer' });
  }

  private push(action: Action) {
    const h = this.heap;
    h.push(action);
    for (let i = h.length - 1, p = (i - 1) >> 1; i > 0 && h[p]!.at > h[i]!.at; i = p, p = (i - 1) >> 1) [h[p], h[i]] = [h[i]!, h[p]!];
  }

  private pop(): Action | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!h.length || !last) return top;
    h[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let m = i;
      if (l < h.length && h[l]!.at < h[m]!.at) m = l;
      if (r < h.length && h[r]!.at < h[m]!.at) m = r;
      if (m === i) return top;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}
