import { useEffect, useState } from 'react';
import { useApi } from '../api-context.js';
import type { StartTrackingRequest, TrackerView } from '../api-types.js';
import { browserTimeZone } from '../format.js';
import { useMounted } from '../use-mounted.js';
import { announceTrackingChanged, onTrackingChanged } from './tracking-events.js';

/** Start, stop and "still working", each reporting its failure as the server worded it. */
export function useTrackingActions(accept: (tracker: TrackerView | null, byUser?: boolean) => void) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const mounted = useMounted();
  // A change made elsewhere (another frame, the toolbar) makes this bar's last error stale.
  useEffect(() => onTrackingChanged(() => setError(undefined)), []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      announceTrackingChanged();
    } catch (cause) {
      if (mounted()) setError(cause);
    } finally {
      if (mounted()) setBusy(false);
    }
  }

  return {
    busy, error, notice,
    dismissError: () => setError(undefined),
    start: (input: Omit<StartTrackingRequest, 'timeZone'>) => run(async () => {
      const result = await api.startTracking({ ...input, timeZone: browserTimeZone() });
      const stopped = result.stoppedWorklog;
      if (stopped) setNotice(`Stopped tracking ${stopped.workItemId ? `#${stopped.workItemId}` : 'the previous item'} first.`);
      accept(result.tracker, true);
    }),
    stop: () => run(async () => {
      await api.stopTracking();
      accept(null, true);
    }),
    answerCheck: () => run(async () => {
      await api.answerActivityCheck();
      accept(await api.currentTracker(), true);
    }),
  };
}
