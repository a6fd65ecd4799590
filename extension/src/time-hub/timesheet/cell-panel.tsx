import { Button } from 'azure-devops-ui/Button';
import { ContentSize } from 'azure-devops-ui/Callout';
import { Panel } from 'azure-devops-ui/Panel';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { TimesheetView, WorklogView } from '../../shared/api-types.js';
import { dayLabel, lengthLabel } from '../../shared/format.js';
import { EmptyState, Notice } from '../../shared/status-views.js';
import { WorklogForm } from '../../shared/worklogs/worklog-form.js';
import { editWorklogValues, newWorklogValues } from '../../shared/worklogs/worklog-form-model.js';
import { WorklogList } from '../../shared/worklogs/worklog-list.js';
import { useTargets } from '../../shared/tracking/use-targets.js';
import { inRow } from './row-key.js';

/** A cell to look into (a work item's, a target's or neither's), `workItemId: undefined` for "Add time" on anything, or a whole day (the month view). */
export interface PanelTarget {
  workItemId: number | null | undefined;
  targetId?: string | null;
  title: string | null;
  day: string;
  wholeDay?: boolean;
}

function titleOf(target: PanelTarget) {
  if (target.workItemId === undefined) return 'Add time';
  if (target.workItemId !== null) return `#${target.workItemId} ${target.title ?? ''}`;
  return target.targetId ? (target.title ?? target.targetId) : 'No work item';
}

/** One cell's worklogs: see, add, edit and delete them (only see them in a locked week). Server refusals show in the form. */
export function CellPanel({ target, sheet, onClose, onChanged, locked }: {
  target: PanelTarget;
  sheet: TimesheetView;
  onClose: () => void;
  onChanged: () => void;
  /** Why the day's time cannot change (approvals); undefined when it can. */
  locked?: string;
}) {
  const api = useApi();
  const free = target.workItemId === undefined && !target.wholeDay;
  const row = { workItemId: target.workItemId ?? null, targetId: target.targetId ?? null };
  const worklogs = free ? [] : sheet.worklogs.filter((w) => (target.wholeDay || inRow(w, row)) && w.localDay === target.day);
  const cellTarget = useTargets().data?.find((t) => t.id === target.targetId);
  const [editing, setEditing] = useState<WorklogView | 'new' | undefined>(worklogs.length === 0 && !locked ? 'new' : undefined);
  const fixedWorkItemId = typeof target.workItemId === 'number' ? target.workItemId : undefined;
  const title = target.wholeDay ? dayLabel(target.day) : titleOf(target);
  // "Add time" and a whole day are about the day; a cell about its own worklogs.
  const total = free ? (sheet.days.find((d) => d.day === target.day)?.totalSeconds ?? 0) : worklogs.reduce((sum, w) => sum + w.length, 0);
  const description = target.wholeDay ? `${lengthLabel(total)} logged that day` : `${dayLabel(target.day)} · ${lengthLabel(total)} ${free ? 'logged that day' : 'on this item'}`;

  const done = () => {
    setEditing(undefined);
    onChanged();
  };

  return (
    // One way to close: the panel's own ✕ (or Escape). Cancel only leaves an edit.
    <Panel onDismiss={onClose} size={ContentSize.Large} titleProps={{ text: title }} description={description}>
      <div className="flex-column" data-testid="cell-panel">
        {locked && <div data-testid="cell-locked"><Notice>{`This week is locked. ${locked}.`}</Notice></div>}
        {!free && worklogs.length === 0 && editing !== 'new' && <EmptyState title="No worklogs on this day" />}
        {!free && worklogs.length > 0 && (
          <WorklogList worklogs={worklogs} onEdit={locked ? undefined : setEditing}
            onDelete={locked ? undefined : async (worklog) => { await api.deleteWorklog(worklog.id); done(); }} />
        )}
        {editing === 'new' && (
          <WorklogForm key="new" initial={newWorklogValues(target.day, fixedWorkItemId, cellTarget)} fixedWorkItemId={target.workItemId === null ? undefined : fixedWorkItemId}
            submitText="Add worklog" onCancel={worklogs.length && !free ? () => setEditing(undefined) : undefined}
            onSubmit={async (request) => {
              await api.addWorklog(request, crypto.randomUUID());
              if (!free) return done();
              onChanged();
              onClose();
            }} />
        )}
        {editing !== undefined && editing !== 'new' && (
          <WorklogForm key={editing.id} initial={editWorklogValues(editing)} submitText="Save changes" onCancel={() => setEditing(undefined)}
            onSubmit={async (request) => { await api.updateWorklog(editing.id, request); done(); }} />
        )}
        {editing === undefined && !locked && <div><Button text="Add worklog" iconProps={{ iconName: 'Add' }} onClick={() => setEditing('new')} /></div>}
      </div>
    </Panel>
  );
}
