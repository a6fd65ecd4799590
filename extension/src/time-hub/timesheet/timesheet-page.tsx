import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { useEffect, useMemo, useState } from 'react';
import { ApiContext, useApi } from '../../shared/api-context.js';
import { localDayOf } from '../../shared/format.js';
import { EmptyState, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { onTrackingChanged } from '../../shared/tracking/tracking-events.js';
import { useAsync } from '../../shared/use-async.js';
import { SHORTCUTS, useShortcut, withKey } from '../../shared/use-shortcut.js';
import { useSession } from '../../shared/use-session.js';
import { AddRowField } from './add-row-field.js';
import { withAddedRows } from './added-rows.js';
import { CellPanel, type PanelTarget } from './cell-panel.js';
import { WeekGrid } from './week-grid.js';
import { addDays, mondayOf, weekLabel } from './week.js';
import { WeekApproval } from './week-approval.js';
import { lockedDays } from './week-locks.js';
import { PersonPicker, picksPeople } from './person-picker.js';
import { ShortcutHelp } from './shortcut-help.js';
import { lockedAll, readOnlyReason, subjectApi } from './subject-api.js';
import './timesheet.css';

/**
 * The week's timesheet: work items by days, moving by week; a cell opens its worklogs. Those
 * whose role reads others' time pick whose it is; another's is read only unless they may change it.
 */
export function TimesheetPage() {
  const ownApi = useApi();
  const session = useSession().data;
  const today = localDayOf(new Date());
  const [monday, setMonday] = useState(() => mondayOf(new Date()));
  const [subjectId, setSubjectId] = useState<string>();
  const [target, setTarget] = useState<PanelTarget>();
  const [addedRows, setAddedRows] = useState<number[]>([]);
  // Cells and panels write through this: another's worklogs carry their userId.
  const api = useMemo(() => subjectApi(ownApi, subjectId), [ownApi, subjectId]);
  const { state, reload } = useAsync(() => api.timesheet(monday, addDays(monday, 6), subjectId), [api, monday, subjectId]);
  const approvals = useAsync(() => api.approvals.myWeeks(monday, addDays(monday, 6), subjectId), [api, monday, subjectId]);
  // A stopped tracker writes a worklog: show it without a reload.
  useEffect(() => onTrackingChanged(reload), [reload]);
  useShortcut(SHORTCUTS.previousWeek, () => setMonday((day) => addDays(day, -7)));
  useShortcut(SHORTCUTS.nextWeek, () => setMonday((day) => addDays(day, 7)));
  useShortcut(SHORTCUTS.thisWeek, () => setMonday(mondayOf(new Date())));
  const sheet = state.data;
  const readOnly = sheet && !sheet.editable ? readOnlyReason(sheet.user.name) : undefined;
  const locked = lockedAll(sheet?.days.map((d) => d.day) ?? [], lockedDays(approvals.state.data?.weeks ?? []), readOnly);
  const shown = sheet && sheet.from === monday && (subjectId === undefined ? sheet.user.id === session?.user.id : sheet.user.id === subjectId);

  return (
    <Card className="th-section" titleProps={{ text: subjectId && sheet ? `Timesheet of ${sheet.user.name}` : 'Timesheet' }}
      headerCommandBarItems={[
        { id: 'add', text: 'Add time', important: true, isPrimary: true, disabled: readOnly !== undefined, iconProps: { iconName: 'Add' }, onActivate: () => setTarget({ workItemId: undefined, title: null, day: today >= monday && today <= addDays(monday, 6) ? today : monday }) },
        { id: 'previous', ariaLabel: 'Previous week', tooltipProps: { text: withKey('Previous week', SHORTCUTS.previousWeek) }, important: true, iconProps: { iconName: 'ChevronLeft' }, onActivate: () => setMonday(addDays(monday, -7)) },
        { id: 'this-week', text: 'This week', tooltipProps: { text: withKey('This week', SHORTCUTS.thisWeek) }, important: true, onActivate: () => setMonday(mondayOf(new Date())) },
        { id: 'next', ariaLabel: 'Next week', tooltipProps: { text: withKey('Next week', SHORTCUTS.nextWeek) }, important: true, iconProps: { iconName: 'ChevronRight' }, onActivate: () => setMonday(addDays(monday, 7)) },
      ]}>
      <ApiContext.Provider value={api}>
      <div className="flex-column flex-grow">
        {session && picksPeople(session) && <PersonPicker session={session} userId={subjectId} onChange={(id) => { setSubjectId(id); setAddedRows([]); setTarget(undefined); }} />}
        <div className="title-s th-section" data-testid="week-label">{weekLabel(monday)}</div>
        {readOnly && sheet && <div data-testid="read-only"><Notice>{`${readOnly}.`}</Notice></div>}
        {/* With approvals off, a week already submitted still shows, so that it can be withdrawn. Only its owner submits it. */}
        {!subjectId && approvals.state.data && (approvals.state.data.enabled || approvals.state.data.weeks.length > 0) && (
          <WeekApproval weekStart={monday} approvals={approvals.state.data} onChanged={approvals.reload} />
        )}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the timesheet" onRetry={reload} />}
        {!sheet && state.status === 'loading' && <Loading label="Loading the timesheet…" />}
        {sheet && (!shown ? <Loading label="Loading the timesheet…" /> : (
          <>
            <WeekGrid sheet={withAddedRows(sheet, addedRows)} today={today} onOpen={(cell) => setTarget(cell)} onChanged={reload} locked={locked} />
            {!readOnly && <AddRowField onAdd={(id) => setAddedRows((rows) => (rows.includes(id) ? rows : [...rows, id]))} />}
            {sheet.rows.length === 0 && addedRows.length === 0 && (
              <EmptyState title="No time logged this week">
                {readOnly ? null : <>Start tracking above, or <Button subtle text="add time" onClick={() => setTarget({ workItemId: undefined, title: null, day: monday })} /> by hand.</>}
              </EmptyState>
            )}
          </>
        ))}
        {target && sheet && <CellPanel key={`${String(target.workItemId)}/${target.day}`} target={target} sheet={sheet} onClose={() => setTarget(undefined)} onChanged={reload} locked={locked.get(target.day)} />}
        <ShortcutHelp />
      </div>
      </ApiContext.Provider>
    </Card>
  );
}
