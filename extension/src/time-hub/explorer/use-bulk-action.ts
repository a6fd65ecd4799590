import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { ApiError } from '../../shared/api-error.js';
import type { BulkActionRequest, BulkJobView, BulkPreview } from '../../shared/explorer-api.js';
import { useMounted } from '../../shared/use-mounted.js';

/** How often a running job is asked how it stands. */
const POLL_MS = 1000;

export type BulkStep =
  | { step: 'choosing' }
  | { step: 'checking' }
  | { step: 'previewed'; preview: BulkPreview; request: BulkActionRequest }
  | { step: 'running'; job?: BulkJobView }
  | { step: 'done'; job: BulkJobView };

/**
 * A bulk action from preview to end: the server counts what it will touch (and refuses
 * what it would refuse), the run is sent with that count, and the job is followed until
 * it is done. Any refusal lands in `error` and leaves the step where the person can retry.
 */
export function useBulkAction(onDone: () => void) {
  const api = useApi();
  const mounted = useMounted();
  const [state, setState] = useState<BulkStep>({ step: 'choosing' });
  const [error, setError] = useState<unknown>();

  const fail = (cause: unknown, back: BulkStep) => {
    if (!mounted()) return;
    // The server's message already says how many match now; its detail repeats the bare number.
    const stale = cause instanceof ApiError && cause.code === 'bulk.targets_changed';
    setError(stale ? new ApiError(cause.status, cause.code, `${cause.message}.`) : cause);
    setState(back);
  };

  const preview = async (request: BulkActionRequest) => {
    setError(undefined);
    setState({ step: 'checking' });
    try {
      const counted = await api.explorer.previewBulk(request);
      if (mounted()) setState({ step: 'previewed', preview: counted, request: { ...request, expectedCount: counted.count } });
    } catch (cause) {
      fail(cause, { step: 'choosing' });
    }
  };

  const follow = async (job: BulkJobView) => {
    let current = job;
    while (current.status !== 'done') {
      if (!mounted()) return;
      setState({ step: 'running', job: current });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await api.explorer.bulkJob(current.id);
    }
    if (!mounted()) return;
    setState({ step: 'done', job: current });
    onDone();
  };

  const run = async (request: BulkActionRequest) => {
    setError(undefined);
    setState({ step: 'running' });
    try {
      await follow(await api.explorer.runBulk(request));
    } catch (cause) {
      fail(cause, { step: 'choosing' });
    }
  };

  const edit = () => {
    setError(undefined);
    setState({ step: 'choosing' });
  };

  return { state, error, preview, run, edit, dismissError: () => setError(undefined) };
}
