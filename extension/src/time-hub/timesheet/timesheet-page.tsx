import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import type { IHeaderCommandBarItem } from 'azure-devops-ui/HeaderCommandBar';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { localDayOf } from '../../shared/format.js';
import { usePreferences } from '../../shared/preferences.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { onTrackingChanged } from '../../shared/tracking/tracking-events.js';
import { useAsync } from '../../shared/use-async.js';
import { AddRowField } from './add-row-field.js';
import { withAddedRows } from './added-rows.js';
import { CellPanel, type PanelTarget } from './cell-panel.js';
import { MonthSheet } from './month-sheet.js';
import { WeekGrid } from './week-grid.js';
import { addDays, weekLabel, weekStartOf } from './week.js';
import { WeekApproval } from './week-approval.js';
import { approvalPeriodStarts, lockedDays } from './week-locks.js';
import './timesheet.css';

/** The timesheet by week or by month; switching keeps the day in view. */
export function TimesheetPage() {
  const [view, setView] = useState<{ kind: 'week' | 'month'; day: string }>(() => ({ kind: 'week', day: localDayOf(new Date()) }));
  const switchTo = (kind: 'week' | 'month') => (day: string): IHeaderCommandBarItem => ({
    id: 'switch-view', text: kind === 'month' ? 'Month' : 'Week', important: true, iconProps: { iconName: kind === 'month' ? 'Calendar' : 'CalendarWeek' },
    onActivate: () => setView({ kind, day }),
  });
  return view.kind === 'month'
    ? <MonthSheet initialDay={view.day} switchView={switchTo('week')} />
    : <WeekSheet initialDay={view.day} switchView={switchTo('month')} />;
}

/** The week's timesheet: work items by days, moving by week from the user's first day of the week; a cell opens its worklogs. */
function WeekSheet({ initialDay, switchView }: { initialDay: string; switchView: (day: string) => IHeaderCommandBarItem }) {
  const api = useApi();
  const { firstDayOfWeek } = usePreferences();
  const today = localDayOf(new Date());
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date(`${initialDay}T12:00:00`), firstDayOfWeek));
  const [target, setTarget] = useState<PanelTarget>();
  const [addedRows, setAddedRows] = useState<number[]>([]);
  const { state, reload } = useAsync(() => api.timesheet(weekStart, addDays(weekStart, 6)), [api, weekStart]);
  const approvals = useAsync(() => api.approvals.myWeeks(weekStart, addDays(weekStart, 6)), [api, weekStart]);
  const myWeeks = approvals.state.data;
  const locked = lockedDays(myWeeks?.weeks ?? []);
  // A stopped tracker writes a worklog: show it without a reload.
  useEffect(() => onTrackingChanged(reload), [reload]);
  const sheet = state.data;

  return (
    <Card className="th-section" titleProps={{ text: 'Timesheet' }}
      headerCommandBarItems={[
        { id: 'add', text: 'Add time', important: true, isPrimary: true, iconProps: { iconName: 'Add' }, onActivate: () => setTarget({ workItemId: undefined, title: null, day: today >= weekStart && today <= addDays(weekStart, 6) ? today : weekStart }) },
        { id: 'previous', ariaLabel: 'Previous week', important: true, iconProps: { iconName: 'ChevronLeft' }, onActivate: () => setWeekStart(addDays(weekStart, -7)) },
        { id: 'this-week', text: 'This week', important: true, onActivate: () => setWeekStart(weekStartOf(new Date(), firstDayOfWeek)) },
        { id: 'next', ariaLabel: 'Next week', important: true, iconProps: { iconName: 'ChevronRight' }, onActivate: () => setWeekStart(addDays(weekStart, 7)) },
        switchView(today >= weekStart && today <= addDays(weekStart, 6) ? today : weekStart),
      ]}>
      <div className="flex-column flex-grow">
        <div className="title-s th-section" data-testid="week-label">{weekLabel(weekStart)}</div>
        {/* With approvals off, a week already submitted still shows, so that it can be withdrawn. Approval weeks
            are the org's: a week of the user's that starts on another day straddles two. */}
        {myWeeks && (myWeeks.enabled || myWeeks.weeks.length > 0) && (
          approvalPeriodStarts(weekStart, myWeeks.firstDayOfWeek).map((start, _i, all) => (
            <WeekApproval key={start} weekStart={start} approvals={myWeeks} onChanged={approvals.reload} named={all.length > 1} />
          ))
        )}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the timesheet" onRetry={reload} />}
        {!sheet && state.status === 'loading' && <Loading label="Loading the timesheet…" />}
        {sheet && (sheet.from !== weekStart ? <Loading label="Loading the timesheet…" /> : (
          <>
            <WeekGrid sheet={withAddedRows(sheet, addedRows)} today={today} onOpen={(cell) => setTarget(cell)} onChanged={reload} locked={locked} />
            <AddRowField onAdd={(id) => setAddedRows((rows) => (rows.includes(id) ? rows : [...rows, id]))} />
            {sheet.rows.length === 0 && addedRows.length === 0 && (
              <EmptyState title="No time logged this week">
                Start tracking above, or <Button subtle text="add time" onClick={() => setTarget({ workItemId: undefined, title: null, day: weekStart })} /> by hand.
              </EmptyState>
            )}
          </>
        ))}
        {target && sheet && <CellPanel key={`${String(target.workItemId)}/${target.day}`} target={target} sheet={sheet} onClose={() => setTarget(undefined)} onChanged={reload} locked={locked.get(target.day)} />}
      </div>
    </Card>
  );
}
