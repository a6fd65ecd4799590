import { z } from 'zod';
import { nextEvent } from '../domain/activity-check.js';
import { watchOf, type Tracker } from '../domain/tracker.js';
import type { Ports } from '../ports/index.js';

/** The body of the message that wakes the server when a tracker's next event is due. */
export const trackerTimerMessage = z.object({
  orgId: z.string().min(1),
  userId: z.string().min(1),
  trackerId: z.string().min(1),
  at: z.string(),
});
export type TrackerTimerMessage = z.infer<typeof trackerTimerMessage>;

export const TIMER_QUEUE = 'activity-checks';

/**
 * Makes sure a message is scheduled for the tracker's next event. It is scheduled
 * before the state is committed, so no committed tracker is ever left without one;
 * `abandon` cancels it when the commit loses a race. Each attempt gets its own message
 * id: a cancelled attempt must not make the queue drop the next as a duplicate.
 */
export async function armTimer(ports: Pick<Ports, 'queue' | 'newId'>, orgId: string, userId: string, tracker: Tracker) {
  const event = nextEvent(watchOf(tracker));
  if (tracker.scheduled?.at === event.at) return { tracker, abandon: async () => {} };
  const body: TrackerTimerMessage = { orgId, userId, trackerId: tracker.id, at: event.at };
  const handle = await ports.queue.schedule(TIMER_QUEUE, { messageId: `timer:${tracker.id}:${ports.newId()}`, body }, new Date(event.at));
  return {
    tracker: { ...tracker, scheduled: { handle, at: event.at } },
    abandon: () => disarmTimer(ports, { scheduled: { handle, at: event.at } }),
  };
}

/** Cancels a tracker's pending timer. Best effort: a stale timer finds nothing to do anyway. */
export async function disarmTimer(ports: Pick<Ports, 'queue'>, tracker: Pick<Tracker, 'scheduled'> | null | undefined) {
  if (!tracker?.scheduled) return;
  try {
    await ports.queue.cancel(TIMER_QUEUE, tracker.scheduled.handle);
  } catch {
    // The handler ignores timers of trackers that are gone or moved on.
  }
}
