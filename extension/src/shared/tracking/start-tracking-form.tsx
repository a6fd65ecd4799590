import { Button } from 'azure-devops-ui/Button';
import { Checkbox } from 'azure-devops-ui/Checkbox';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useRef, useState } from 'react';
import type { StartTrackingRequest } from '../api-types.js';
import { ChoiceField, FieldRow } from '../form-fields.js';
import { SHORTCUTS, useShortcut, withKey } from '../use-shortcut.js';
import { selectableTypes, useActivityTypes } from './use-activity-types.js';

/** What to track: the work item (unless the page is about one), comment, activity type, billable. */
export function StartTrackingForm({ fixedWorkItemId, busy, onStart, onEdit }: {
  fixedWorkItemId?: number;
  busy: boolean;
  onStart: (input: Omit<StartTrackingRequest, 'timeZone'>) => void;
  /** Any change to the fields (the bar clears its last error: it was about other values). */
  onEdit?: () => void;
}) {
  const activityTypes = useActivityTypes();
  const [workItemText, setWorkItemText] = useState('');
  const [remark, setRemark] = useState('');
  const [activityTypeId, setActivityTypeId] = useState<string>();
  const [isBillable, setBillable] = useState(true);
  const workItemId = fixedWorkItemId ?? (/^\d+$/.test(workItemText.trim()) ? Number(workItemText.trim()) : undefined);
  const types = selectableTypes(activityTypes.data);
  const chosenType = activityTypeId ?? types.find((type) => type.isDefault)?.id;
  const workItemField = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const start = () => workItemId !== undefined && onStart({ workItemId, remark: remark.trim() || undefined, activityTypeId: chosenType, isBillable });
  // The key starts what the form holds; without a work item yet, it goes to the work item field.
  useShortcut(SHORTCUTS.track, () => {
    if (busy) return;
    if (workItemId === undefined) workItemField.current?.focus();
    else start();
  });

  return (
    <FieldRow>
      {fixedWorkItemId === undefined && (
        <FormItem label="Work item" className="th-field">
          <TextField inputElement={workItemField} ariaLabel="Work item id" placeholder="Id, e.g. 12" value={workItemText} onChange={(_e, v) => { setWorkItemText(v); onEdit?.(); }} />
        </FormItem>
      )}
      <FormItem label="Comment" className="th-field flex-grow">
        <TextField ariaLabel="Comment" placeholder="What are you working on?" value={remark} onChange={(_e, v) => { setRemark(v); onEdit?.(); }} />
      </FormItem>
      <ChoiceField
        label="Activity"
        choices={types.map((type) => ({ id: type.id, text: type.name }))}
        value={chosenType}
        onChange={(id) => { setActivityTypeId(id); onEdit?.(); }}
        placeholder={activityTypes.status === 'failed' ? 'Not available' : 'Activity type'}
        disabled={types.length === 0}
      />
      <Checkbox className="th-field-checkbox" label="Billable" checked={isBillable} onChange={(_e, checked) => { setBillable(checked); onEdit?.(); }} />
      <Button
        text="Start tracking"
        primary
        iconProps={{ iconName: 'Play' }}
        disabled={busy || workItemId === undefined}
        tooltipProps={{ text: withKey('Start tracking', SHORTCUTS.track) }}
        onClick={start}
      />
    </FieldRow>
  );
}
