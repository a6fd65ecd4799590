import { Button } from 'azure-devops-ui/Button';
import { ButtonGroup } from 'azure-devops-ui/ButtonGroup';
import { Checkbox } from 'azure-devops-ui/Checkbox';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import type { NewWorklogRequest } from '../api-types.js';
import { ChoiceField, FieldRow, NativeField } from '../form-fields.js';
import { ActionError } from '../status-views.js';
import { selectableTypes, useActivityTypes } from '../tracking/use-activity-types.js';
import { useTargets } from '../tracking/use-targets.js';
import { useMounted } from '../use-mounted.js';
import { toWorklogRequest, type WorklogFormValues } from './worklog-form-model.js';

const NO_TARGET = 'none';

/** Add or edit a worklog: on a work item or a target, by timeframe (from–to) or by duration, with comment, activity and billable. */
export function WorklogForm({ initial, fixedWorkItemId, submitText, onSubmit, onCancel }: {
  initial: WorklogFormValues;
  fixedWorkItemId?: number;
  submitText: string;
  onSubmit: (request: NewWorklogRequest) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const activityTypes = useActivityTypes();
  const targets = useTargets().data ?? [];
  const mounted = useMounted();
  // An edit answers the last error: it was about the values as they were.
  const set = (patch: Partial<WorklogFormValues>) => {
    setError(undefined);
    setValues((current) => ({ ...current, ...patch }));
  };
  // An edited worklog may keep a type deactivated since; new choices are the active ones.
  const types = selectableTypes(activityTypes.data, initial.activityTypeId);

  const submit = async () => {
    const activityTypeId = values.activityTypeId ?? types.find((t) => t.isDefault)?.id;
    const result = toWorklogRequest({ ...values, activityTypeId }, fixedWorkItemId);
    if (!result.ok) return setError(new Error(result.problem));
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(result.request);
    } catch (cause) {
      if (mounted()) setError(cause);
    } finally {
      if (mounted()) setBusy(false);
    }
  };

  return (
    <form className="th-worklog-form" data-testid="worklog-form" onSubmit={(event) => event.preventDefault()}>
      {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
      <FieldRow>
        {fixedWorkItemId === undefined && (
          <FormItem label="Work item" className="th-field">
            {/* A work item replaces the target: time goes on one of them. */}
            <TextField ariaLabel="Work item id" placeholder="Id (optional)" value={values.workItemText}
              onChange={(_e, v) => set({ workItemText: v, ...(v.trim() && { targetId: undefined }) })} />
          </FormItem>
        )}
        {fixedWorkItemId === undefined && targets.length > 0 && (
          <ChoiceField label="Target" choices={[{ id: NO_TARGET, text: '—' }, ...targets.map((t) => ({ id: t.id, text: t.name }))]} value={values.targetId ?? NO_TARGET}
            onChange={(id) => {
              const target = targets.find((t) => t.id === id);
              set(target ? { targetId: target.id, workItemText: '', billable: target.isBillable } : { targetId: undefined });
            }} />
        )}
        <NativeField label="Day" type="date" testId="worklog-day" value={values.day} onChange={(day) => set({ day })} />
        <ButtonGroup className="th-mode-switch">
          <Button text="Timeframe" subtle={values.mode !== 'timeframe'} primary={values.mode === 'timeframe'} onClick={() => set({ mode: 'timeframe' })} />
          <Button text="Duration" subtle={values.mode !== 'duration'} primary={values.mode === 'duration'} onClick={() => set({ mode: 'duration' })} />
        </ButtonGroup>
      </FieldRow>
      <FieldRow>
        <NativeField label="Start" type="time" testId="worklog-start" value={values.start} onChange={(start) => set({ start })} />
        {values.mode === 'timeframe' ? (
          <NativeField label="End" type="time" testId="worklog-end" value={values.end} onChange={(end) => set({ end })} />
        ) : (
          <FormItem label="Duration" className="th-field">
            <TextField ariaLabel="Duration" placeholder="1:30, 1.5 or 45m" value={values.duration} onChange={(_e, v) => set({ duration: v })} />
          </FormItem>
        )}
        <ChoiceField label="Activity" choices={types.map((t) => ({ id: t.id, text: t.name }))} placeholder="Activity type"
          value={values.activityTypeId ?? types.find((t) => t.isDefault)?.id} onChange={(activityTypeId) => set({ activityTypeId })} />
        <Checkbox className="th-field-checkbox" label="Billable" checked={values.billable} onChange={(_e, billable) => set({ billable })} />
      </FieldRow>
      <FormItem label="Comment" className="th-section">
        <TextField ariaLabel="Worklog comment" multiline rows={2} value={values.comment} onChange={(_e, v) => set({ comment: v })} />
      </FormItem>
      <div className="flex-row th-gap">
        <Button text={submitText} primary disabled={busy} onClick={() => void submit()} />
        {onCancel && <Button text="Cancel" onClick={onCancel} disabled={busy} />}
      </div>
    </form>
  );
}
