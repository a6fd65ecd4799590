import { startTracking } from '../shared/tracking/start-tracking.js';
import { addWorklogs } from '../shared/worklogs/add-worklogs.js';
import type { Side } from './bench-side.js';
import type { PlannedRequest } from './load-driver.js';

/** Requests drained by the concurrent connections; the next phase starts when all are answered. */
export interface Phase {
  label: string;
  requests: PlannedRequest[];
}

/** A scenario's plan: the same requests for both sides, by user index. */
export interface Scenario {
  name: string;
  users: number;
  prepare?: (side: Side) => Promise<void>;
  warmup: Phase[];
  /** Measured chunks; the sides take turns chunk by chunk. */
  chunks: Phase[][];
  /** Keep-alive connections, when not the bench's default. */
  concurrency?: number;
  /** Run on the system clock: the fake clocks move a second per reading, which would age every cache. */
  realClock?: true;
  /** Session tokens, as the extension's pages send, instead of API tokens. */
  sessions?: boolean;
}

const HOUR = 3600_000;
/** Measured chunks per scenario: the sides take turns this many times each. */
const CHUNKS = 8;
/** The fake clocks start here (a Monday), so every run writes the same timestamps. */
export const CLOCK_START = new Date('2026-03-02T08:00:00Z');
const workItem = (n: number) => (n % 20) + 1;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every user starts, then every user stops: start and stop alternate per user. */
function startStop(scale: number): Scenario {
  const users = 256;
  const round = (r: number): Phase[] => [
    { label: 'start tracking', requests: range(users).map((u) => ({ method: 'POST', path: '/api/tracking/client/startTracking', body: { workItemId: workItem(u + r) }, user: u })) },
    { label: 'stop tracking', requests: range(users).map((u) => ({ method: 'POST', path: '/api/tracking/client/stopTracking', body: {}, user: u })) },
  ];
  const rounds = Math.max(1, Math.round(scale));
  return { name: 'start/stop', users, warmup: round(0), chunks: range(CHUNKS).map((c) => range(rounds).flatMap((r) => round(1 + c * rounds + r))) };
}

/** Each user's worklogs follow one another an hour apart, 40 minutes long, far in the past. */
function addWorklog(scale: number): Scenario {
  const users = 64;
  const base = CLOCK_START.getTime() - 300 * 24 * HOUR;
  let next = 0;
  const requests = (n: number): PlannedRequest[] => range(n).map(() => {
    const g = next++;
    const [u, k] = [g % users, Math.floor(g / users)];
    const body = { timestamp: new Date(base + k * HOUR).toISOString(), length: 2400, workItemId: workItem(k), comment: `bench ${k}` };
    return { method: 'POST', path: '/api/rest/workLogs', body, user: u };
  });
  const perChunk = Math.round(600 * scale);
  return {
    name: 'add worklog', users,
    warmup: [{ label: 'add worklog', requests: requests(users * 8) }],
    chunks: range(CHUNKS).map(() => [{ label: 'add worklog', requests: requests(perChunk) }]),
  };
}

const WEEKS = 6;
const PER_DAY = 10;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Six weeks of worklogs per user (10 per weekday, 300 in all); each request reads the fourth week. */
function timesheetWeek(scale: number): Scenario {
  const users = 16;
  const firstMonday = CLOCK_START.getTime() - 8 * HOUR - WEEKS * 7 * 24 * HOUR;
  const weekStart = firstMonday + 3 * 7 * 24 * HOUR;
  const path = `/api/timesheet?from=${day(weekStart)}&to=${day(weekStart + 6 * 24 * HOUR)}`;
  const requests = (n: number): PlannedRequest[] => range(n).map((i) => ({ method: 'GET', path, user: i % users }));
  const prepare = async (side: Side) => {
    const days = range(WEEKS * 7).filter((d) => d % 7 < 5);
    for (const caller of side.callers) {
      const inputs = days.flatMap((d) => range(PER_DAY).map((j) => ({
        timestamp: new Date(firstMonday + d * 24 * HOUR + 8 * HOUR + j * 45 * 60_000).toISOString(),
        length: 2400, workItemId: workItem(d + j), comment: `prepared ${d}/${j}`,
      })));
      await addWorklogs(side.ports, caller, inputs);
    }
  };
  const perChunk = Math.round(250 * scale);
  return {
    name: 'timesheet week', users, prepare,
    warmup: [{ label: 'timesheet week', requests: requests(users * 10) }],
    chunks: range(CHUNKS).map(() => [{ label: 'timesheet week', requests: requests(perChunk) }]),
  };
}

/** The poll of every open tab (session tokens) or script (API tokens), 50 at once; every other user has a tracker running. */
function currentTracker(scale: number, sessions: boolean): Scenario {
  const users = 256;
  const label = `current tracker, ${sessions ? 'session' : 'API token'} (50 conns)`;
  const requests = (n: number): PlannedRequest[] => range(n).map((i) => ({ method: 'GET', path: '/api/tracking/client/current', user: i % users }));
  const prepare = async (side: Side) => {
    for (const [u, caller] of side.callers.entries()) if (u % 2 === 0) await startTracking(side.ports, caller, { workItemId: workItem(u) });
  };
  const perChunk = Math.round(2500 * scale);
  return {
    name: `current tracker ${sessions ? 'session' : 'API token'}`, users, prepare, concurrency: 50, realClock: true, sessions,
    // Long enough for the JIT to settle: with a quarter of it, the first chunks doubled the p99.
    warmup: [{ label, requests: requests(users * 16) }],
    chunks: range(CHUNKS).map(() => [{ label, requests: requests(perChunk) }]),
  };
}

export function scenarios(scale: number): Scenario[] {
  return [startStop(scale), addWorklog(scale), timesheetWeek(scale), currentTracker(scale, true), currentTracker(scale, false)];
}
