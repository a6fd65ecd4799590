import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api-context.js';
import { useMounted } from '../use-mounted.js';
import type { TrackerView } from '../api-types.js';
import { onTrackingChanged } from './tracking-events.js';

/** How often a page asks whether its tracker still runs, or whether an activity check is due. */
export const TRACKER_POLL_MS = 5_000;

export interface TrackerSnapshot {
  tracker: TrackerView | null;
  /** The browser's clock when the answer arrived: elapsed time counts on from there. */
  receivedAt: number;
}

/** The caller's running tracker, kept fresh by polling, focus and the other frames' news. */
export function useCurrentTracker() {
  const api = useApi();
  const [snapshot, setSnapshot] = useState<TrackerSnapshot>();
  const [error, setError] = useState<unknown>();
  const [stoppedByServer, setStoppedByServer] = useState(false);
  const previous = useRef<TrackerView | null>(null);
  // The bar leaves with its tab (Settings has none): an answer arriving after that is dropped.
  const mounted = useMounted();

  const accept = useCallback((tracker: TrackerView | null, byUser = false) => {
    // A tracker that vanished while a check waited was stopped by the server for no answer.
    setStoppedByServer(!byUser && tracker === null && previous.current?.activityCheck != null);
    previous.current = tracker;
    setSnapshot({ tracker, receivedAt: Date.now() });
    setError(undefined);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const tracker = await api.currentTracker();
      if (mounted()) accept(tracker);
    } catch (cause) {
      if (mounted()) setError(cause);
    }
  }, [api, accept, mounted]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => { if (!document.hidden) void refresh(); }, TRACKER_POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const unsubscribe = onTrackingChanged(onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      unsubscribe();
    };
  }, [refresh]);

  return { snapshot, error, refresh, accept, stoppedByServer };
}

/** Re-renders every second while `active`, for running clocks and countdowns. */
export function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Seconds tracked so far, counted on from the server's answer (the browser's clock may differ). */
export function elapsedNow(snapshot: TrackerSnapshot, now: number): number {
  return (snapshot.tracker?.elapsedSeconds ?? 0) + Math.max(0, (now - snapshot.receivedAt) / 1000);
}

/** The server's clock now, estimated from its last answer. */
export function serverNow(snapshot: TrackerSnapshot, now: number): number {
  const tracker = snapshot.tracker;
  if (!tracker) return now;
  return Date.parse(tracker.startTimestamp) + tracker.elapsedSeconds * 1000 + (now - snapshot.receivedAt);
}
