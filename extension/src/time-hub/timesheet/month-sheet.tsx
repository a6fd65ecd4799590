import { Card } from 'azure-devops-ui/Card';
import type { IHeaderCommandBarItem } from 'azure-devops-ui/HeaderCommandBar';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { localDayOf, monthLabel } from '../../shared/format.js';
import { usePreferences } from '../../shared/preferences.js';
import { ErrorCard, Loading } from '../../shared/status-views.js';
import { onTrackingChanged } from '../../shared/tracking/tracking-events.js';
import { useAsync } from '../../shared/use-async.js';
import { CellPanel } from './cell-panel.js';
import { MonthGrid } from './month-grid.js';
import { MonthSummary } from './month-summary.js';
import { addMonths, firstDayOf, lastDayOf, monthOf } from './month.js';
import { lockedDays } from './week-locks.js';
import './month.css';

/** The month as a calendar: each day's total against the user's daily target; a day opens its worklogs. */
export function MonthSheet({ initialDay, switchView, subjectId }: { initialDay: string; switchView: (day: string) => IHeaderCommandBarItem; subjectId?: string }) {
  const api = useApi();
  const { preferences, firstDayOfWeek } = usePreferences();
  const today = localDayOf(new Date());
  const [month, setMonth] = useState(() => monthOf(initialDay));
  const [openDay, setOpenDay] = useState<string>();
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const { state, reload } = useAsync(() => api.timesheet(from, to, subjectId), [api, from, to, subjectId]);
  const approvals = useAsync(() => api.approvals.myWeeks(from, to, subjectId), [api, from, to, subjectId]);
  const locked = lockedDays(approvals.state.data?.weeks ?? []);
  useEffect(() => onTrackingChanged(reload), [reload]);
  const sheet = state.data?.from === from ? state.data : undefined;

  return (
    <Card className="th-section" titleProps={{ text: 'Timesheet' }}
      headerCommandBarItems={[
        { id: 'previous', ariaLabel: 'Previous month', important: true, iconProps: { iconName: 'ChevronLeft' }, onActivate: () => setMonth(addMonths(month, -1)) },
        { id: 'this-month', text: 'This month', important: true, onActivate: () => setMonth(monthOf(today)) },
        { id: 'next', ariaLabel: 'Next month', important: true, iconProps: { iconName: 'ChevronRight' }, onActivate: () => setMonth(addMonths(month, 1)) },
        switchView(monthOf(today) === month ? today : from),
      ]}>
      <div className="flex-column flex-grow" data-testid="month-view">
        <div className="flex-row flex-center flex-wrap th-month-head">
          <div className="title-s" data-testid="month-label">{monthLabel(month)}</div>
          {sheet && <MonthSummary sheet={sheet} target={preferences} today={today} />}
        </div>
        {state.status === 'failed' && <ErrorCard error={state.error} what="the month" onRetry={reload} />}
        {!sheet && state.status !== 'failed' && <Loading label="Loading the month…" />}
        {sheet && <MonthGrid month={month} sheet={sheet} firstDayOfWeek={firstDayOfWeek} target={preferences} today={today} locked={locked} onOpen={setOpenDay} />}
        {openDay && sheet && (
          <CellPanel key={openDay} target={{ workItemId: undefined, title: null, day: openDay, wholeDay: true }} sheet={sheet}
            onClose={() => setOpenDay(undefined)} onChanged={reload} locked={locked.get(openDay)} />
        )}
      </div>
    </Card>
  );
}
