import { NOT_SET_ACTIVITY_TYPE_ID } from '../../../../shared/domain/activity-types.js';
import { Button } from 'azure-devops-ui/Button';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { useState } from 'react';
import type { WorklogView } from '../api-types.js';
import { dayLabel, lengthLabel, timeRangeLabel } from '../format.js';
import { ActionError } from '../status-views.js';
import { targetName, useTargets } from '../tracking/use-targets.js';
import { useMounted } from '../use-mounted.js';
import './worklogs.css';

/** Worklogs as rows: time, length, activity, comment, and edit or delete where allowed. */
export function WorklogList({ worklogs, showUser, showDay, onEdit, onDelete }: {
  worklogs: readonly WorklogView[];
  showUser?: boolean;
  showDay?: boolean;
  onEdit?: (worklog: WorklogView) => void;
  onDelete?: (worklog: WorklogView) => Promise<void>;
}) {
  return (
    <ul className="th-worklog-list" data-testid="worklog-list">
      {worklogs.map((worklog) => (
        <WorklogRow key={worklog.id} worklog={worklog} showUser={showUser} showDay={showDay} onEdit={onEdit} onDelete={onDelete} />
      ))}
    </ul>
  );
}

function WorklogRow({ worklog, showUser, showDay, onEdit, onDelete }: {
  worklog: WorklogView;
  showUser?: boolean;
  showDay?: boolean;
  onEdit?: (worklog: WorklogView) => void;
  onDelete?: (worklog: WorklogView) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const mounted = useMounted();
  const targets = useTargets().data;
  const start = new Date(worklog.timestamp);
  const end = new Date(start.getTime() + worklog.length * 1000);

  const remove = async () => {
    if (!onDelete) return;
    try {
      await onDelete(worklog);
    } catch (cause) {
      if (!mounted()) return;
      setError(cause);
      setConfirming(false);
    }
  };

  return (
    <li className="th-worklog" data-testid="worklog" data-worklog-id={worklog.id}>
      {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
      <div className="flex-row flex-center flex-wrap th-gap">
        <span className="th-numbers">{`${showDay ? `${dayLabel(worklog.localDay)}, ` : ''}${timeRangeLabel(start, end)}`}</span>
        <span className="th-numbers font-weight-semibold" data-testid="worklog-length">{lengthLabel(worklog.length)}</span>
        {worklog.workItemId !== null && <span>{`#${worklog.workItemId}`}</span>}
        {worklog.targetId && <span data-testid="worklog-target">{targetName(targets, worklog.targetId)}</span>}
        {worklog.activityType && worklog.activityType.id !== NOT_SET_ACTIVITY_TYPE_ID && <Pill size={PillSize.compact}>{worklog.activityType.name}</Pill>}
        {worklog.billableLength === 0 && <Pill size={PillSize.compact}>Not billable</Pill>}
        {worklog.flags.isTracked && <span className="th-muted">tracked</span>}
        {showUser && <span className="th-muted">{worklog.user.name}</span>}
        <span className="th-worklog-comment">{worklog.comment ?? ''}</span>
        <span className="flex-grow" />
        {onEdit && !confirming && <Button text="Edit" subtle iconProps={{ iconName: 'Edit' }} onClick={() => onEdit(worklog)} />}
        {onDelete && !confirming && <Button text="Delete" subtle iconProps={{ iconName: 'Delete' }} onClick={() => setConfirming(true)} />}
        {confirming && (
          <>
            <span>Delete this worklog?</span>
            <Button text="Yes, delete" danger onClick={() => void remove()} />
            <Button text="Keep" onClick={() => setConfirming(false)} />
          </>
        )}
      </div>
      {worklog.stopReason && <div className="th-muted">{`Stopped by Timehub: ${worklog.stopReason}`}</div>}
    </li>
  );
}
