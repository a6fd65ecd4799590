import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import type { IHeaderCommandBarItem } from 'azure-devops-ui/HeaderCommandBar';
import { useEffect, useMemo, useState } from 'react';
import { ApiContext, useApi } from '../../shared/api-context.js';
import { localDayOf } from '../../shared/format.js';
import { usePreferences } from '../../shared/preferences.js';
import { EmptyState, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { onTrackingChanged } from '../../shared/tracking/tracking-events.js';
import { useAsync } from '../../shared/use-async.js';
import { SHORTCUTS, useShortcut, withKey } from '../../shared/use-shortcut.js';
import { useSession } from '../../shared/use-session.js';
import { AddRowField } from './add-row-field.js';
import { withAddedRows } from './added-rows.js';
import { CellPanel, type PanelTarget } from './cell-panel.js';
import { MonthSheet } from './month-sheet.js';
import { PersonPicker, picksPeople } from './person-picker.js';
import { ShortcutHelp } from './shortcut-help.js';
import { lockedAll, readOnlyReason, subjectApi } from './subject-api.js';
import { WeekGrid } from './week-grid.js';
import { addDays, weekLabel, weekStartOf } from './week.js';
import { WeekApproval } from './week-approval.js';
import { approvalPeriodStarts, lockedDays } from './week-locks.js';
import './timesheet.css';

/**
 * The timesheet by week or by month; switching keeps the day in view. Those whose role reads
 * others' time pick whose it is; the sheets and their panels write through an API that carries
 * that person's userId.
 */
export function TimesheetPage() {
  const ownApi = useApi();
  const session = useSession().data;
  const [view, setView] = useState<{ kind: 'week' | 'month'; day: string }>(() => ({ kind: 'week', day: localDayOf(new Date()) }));
  const [subjectId, setSubjectId] = useState<string>();
  const api = useMemo(() => subjectApi(ownApi, subjectId), [ownApi, subjectId]);
  const switchTo = (kind: 'week' | 'month') => (day: string): IHeaderCommandBarItem => ({
    id: 'switch-view', text: kind === 'month' ? 'Month' : 'Week', important: true, iconProps: { iconName: kind === 'month' ? 'Calendar' : 'CalendarWeek' },
    onActivate: () => setView({ kind, day }),
  });
  return (
    <ApiContext.Provider value={api}>
      {session && picksPeople(session) && <PersonPicker session={session} userId={subjectId} onChange={setSubjectId} />}
      {view.kind === 'month'
        ? <MonthSheet initialDay={view.day} switchView={switchTo('week')} subjectId={subjectId} />
        : <WeekSheet initialDay={view.day} switchView={switchTo('month')} subjectId={subjectId} ownId={session?.user.id} />}
    </ApiContext.Provider>
  );
}

/** The week's timesheet: work items by days, moving by week from the user's first day of the week; a cell opens its worklogs. */
function WeekSheet({ initialDay, switchView, subjectId, ownId }: {
  initialDay: string; switchView: (day: string) => IHeaderCommandBarItem; subjectId: string | undefined; ownId: string | undefined;
}) {
  const api = useApi();
  const { firstDayOfWeek } = usePreferences();
  const today = localDayOf(new Date());
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date(`${initialDay}T12:00:00`), firstDayOfWeek));
  const [target, setTarget] = useState<PanelTarget>();
  const [addedRows, setAddedRows] = useState<number[]>([]);
  const { state, reload } = useAsync(() => api.timesheet(weekStart, addDays(weekStart, 6), subjectId), [api, weekStart, subjectId]);
  const approvals = useAsync(() => api.approvals.myWeeks(weekStart, addDays(weekStart, 6), subjectId), [api, weekStart, subjectId]);
  const myWeeks = approvals.state.data;
  // Another person's sheet starts afresh: no rows added for the previous one, no panel open.
  useEffect(() => { setAddedRows([]); setTarget(undefined); }, [subjectId]);
  // A stopped tracker writes a worklog: show it without a reload.
  useEffect(() => onTrackingChanged(reload), [reload]);
  const thisWeek = () => weekStartOf(new Date(), firstDayOfWeek);
  useShortcut(SHORTCUTS.previousWeek, () => setWeekStart((day) => addDays(day, -7)));
  useShortcut(SHORTCUTS.nextWeek, () => setWeekStart((day) => addDays(day, 7)));
  useShortcut(SHORTCUTS.thisWeek, () => setWeekStart(thisWeek()));
  const sheet = state.data;
  const readOnly = sheet && !sheet.editable ? readOnlyReason(sheet.user.name) : undefined;
  const locked = lockedAll(sheet?.days.map((d) => d.day) ?? [], lockedDays(myWeeks?.weeks ?? []), readOnly);
  const shown = sheet && sheet.from === weekStart && sheet.user.id === (subjectId ?? ownId ?? sheet.user.id);
  const dayInView = today >= weekStart && today <= addDays(weekStart, 6) ? today : weekStart;

  return (
    <Card className="th-section" titleProps={{ text: subjectId && sheet ? `Timesheet of ${sheet.user.name}` : 'Timesheet' }}
      headerCommandBarItems={[
        { id: 'add', text: 'Add time', important: true, isPrimary: true, disabled: readOnly !== undefined, iconProps: { iconName: 'Add' }, onActivate: () => setTarget({ workItemId: undefined, title: null, day: dayInView }) },
        { id: 'previous', ariaLabel: 'Previous week', tooltipProps: { text: withKey('Previous week', SHORTCUTS.previousWeek) }, important: true, iconProps: { iconName: 'ChevronLeft' }, onActivate: () => setWeekStart(addDays(weekStart, -7)) },
        { id: 'this-week', text: 'This week', tooltipProps: { text: withKey('This week', SHORTCUTS.thisWeek) }, important: true, onActivate: () => setWeekStart(thisWeek()) },
        { id: 'next', ariaLabel: 'Next week', tooltipProps: { text: withKey('Next week', SHORTCUTS.nextWeek) }, important: true, iconProps: { iconName: 'ChevronRight' }, onActivate: () => setWeekStart(addDays(weekStart, 7)) },
        switchView(dayInView),
      ]}>
      <div className="flex-column flex-grow">
        <div className="title-s th-section" data-testid="week-label">{weekLabel(weekStart)}</div>
        {readOnly && sheet && <div data-testid="read-only"><Notice>{`${readOnly}.`}</Notice></div>}
        {/* With approvals off, a week already submitted still shows, so that it can be withdrawn. Only its owner submits it.
            Approval weeks are the org's: a week of the user's that starts on another day straddles two. */}
        {!subjectId && myWeeks && (myWeeks.enabled || myWeeks.weeks.length > 0) && (
          approvalPeriodStarts(weekStart, myWeeks.firstDayOfWeek).map((start, _i, all) => (
            <WeekApproval key={start} weekStart={start} approvals={myWeeks} onChanged={approvals.reload} named={all.length > 1} />
          ))
        )}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the timesheet" onRetry={reload} />}
        {!sheet && state.status === 'loading' && <Loading label="Loading the timesheet…" />}
        {sheet && (!shown ? <Loading label="Loading the timesheet…" /> : (
          <>
            <WeekGrid sheet={withAddedRows(sheet, addedRows)} today={today} onOpen={(cell) => setTarget(cell)} onChanged={reload} locked={locked} />
            {!readOnly && <AddRowField onAdd={(id) => setAddedRows((rows) => (rows.includes(id) ? rows : [...rows, id]))} />}
            {sheet.rows.length === 0 && addedRows.length === 0 && (
              <EmptyState title="No time logged this week">
                {readOnly ? null : <>Start tracking above, or <Button subtle text="add time" onClick={() => setTarget({ workItemId: undefined, title: null, day: weekStart })} /> by hand.</>}
              </EmptyState>
            )}
          </>
        ))}
        {target && sheet && <CellPanel key={`${String(target.workItemId)}/${String(target.targetId)}/${target.day}`} target={target} sheet={sheet} onClose={() => setTarget(undefined)} onChanged={reload} locked={locked.get(target.day)} />}
        <ShortcutHelp />
      </div>
    </Card>
  );
}
