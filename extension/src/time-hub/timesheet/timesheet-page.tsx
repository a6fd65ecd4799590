import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { localDayOf } from '../../shared/format.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { onTrackingChanged } from '../../shared/tracking/tracking-events.js';
import { useAsync } from '../../shared/use-async.js';
import { AddRowField } from './add-row-field.js';
import { withAddedRows } from './added-rows.js';
import { CellPanel, type PanelTarget } from './cell-panel.js';
import { WeekGrid } from './week-grid.js';
import { addDays, mondayOf, weekLabel } from './week.js';
import { WeekApproval } from './week-approval.js';
import { lockedDays } from './week-locks.js';
import './timesheet.css';

/** The week's timesheet: work items by days, moving by week; a cell opens its worklogs. */
export function TimesheetPage() {
  const api = useApi();
  const today = localDayOf(new Date());
  const [monday, setMonday] = useState(() => mondayOf(new Date()));
  const [target, setTarget] = useState<PanelTarget>();
  const [addedRows, setAddedRows] = useState<number[]>([]);
  const { state, reload } = useAsync(() => api.timesheet(monday, addDays(monday, 6)), [api, monday]);
  const approvals = useAsync(() => api.approvals.myWeeks(monday, addDays(monday, 6)), [api, monday]);
  const locked = lockedDays(approvals.state.data?.weeks ?? []);
  // A stopped tracker writes a worklog: show it without a reload.
  useEffect(() => onTrackingChanged(reload), [reload]);
  const sheet = state.data;

  return (
    <Card className="th-section" titleProps={{ text: 'Timesheet' }}
      headerCommandBarItems={[
        { id: 'add', text: 'Add time', important: true, isPrimary: true, iconProps: { iconName: 'Add' }, onActivate: () => setTarget({ workItemId: undefined, title: null, day: today >= monday && today <= addDays(monday, 6) ? today : monday }) },
        { id: 'previous', ariaLabel: 'Previous week', important: true, iconProps: { iconName: 'ChevronLeft' }, onActivate: () => setMonday(addDays(monday, -7)) },
        { id: 'this-week', text: 'This week', important: true, onActivate: () => setMonday(mondayOf(new Date())) },
        { id: 'next', ariaLabel: 'Next week', important: true, iconProps: { iconName: 'ChevronRight' }, onActivate: () => setMonday(addDays(monday, 7)) },
      ]}>
      <div className="flex-column flex-grow">
        <div className="title-s th-section" data-testid="week-label">{weekLabel(monday)}</div>
        {/* With approvals off, a week already submitted still shows, so that it can be withdrawn. */}
        {approvals.state.data && (approvals.state.data.enabled || approvals.state.data.weeks.length > 0) && (
          <WeekApproval weekStart={monday} approvals={approvals.state.data} onChanged={approvals.reload} />
        )}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the timesheet" onRetry={reload} />}
        {!sheet && state.status === 'loading' && <Loading label="Loading the timesheet…" />}
        {sheet && (sheet.from !== monday ? <Loading label="Loading the timesheet…" /> : (
          <>
            <WeekGrid sheet={withAddedRows(sheet, addedRows)} today={today} onOpen={(cell) => setTarget(cell)} onChanged={reload} locked={locked} />
            <AddRowField onAdd={(id) => setAddedRows((rows) => (rows.includes(id) ? rows : [...rows, id]))} />
            {sheet.rows.length === 0 && addedRows.length === 0 && (
              <EmptyState title="No time logged this week">
                Start tracking above, or <Button subtle text="add time" onClick={() => setTarget({ workItemId: undefined, title: null, day: monday })} /> by hand.
              </EmptyState>
            )}
          </>
        ))}
        {target && sheet && <CellPanel key={`${String(target.workItemId)}/${String(target.targetId)}/${target.day}`} target={target} sheet={sheet} onClose={() => setTarget(undefined)} onChanged={reload} locked={locked.get(target.day)} />}
      </div>
    </Card>
  );
}
