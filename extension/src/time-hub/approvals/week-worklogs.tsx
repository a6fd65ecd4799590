import { useApi } from '../../shared/api-context.js';
import type { QueuedWeekView } from '../../shared/api-types.js';
import { ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { WorklogList } from '../../shared/worklogs/worklog-list.js';

/** The drill-down of a queued week: the person's worklogs of its days, read only. */
export function WeekWorklogs({ week }: { week: QueuedWeekView }) {
  const api = useApi();
  const { state, reload } = useAsync(() => api.timesheet(week.weekStartDate, week.weekEndDate, week.user.id), [api, week.weekStartDate, week.user.id]);
  if (state.status === 'failed') return <ErrorCard error={state.error} what="the worklogs" onRetry={reload} />;
  if (!state.data) return <Loading label="Loading the worklogs…" />;
  return <div data-testid="week-worklogs"><WorklogList worklogs={state.data.worklogs} showDay /></div>;
}
