import { Button } from 'azure-devops-ui/Button';
import { ContentSize } from 'azure-devops-ui/Callout';
import { FormItem } from 'azure-devops-ui/FormItem';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Panel } from 'azure-devops-ui/Panel';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import type { ExplorerQueryFilter } from '../../shared/explorer-api.js';
import { ChoiceField, FieldRow, type Choice } from '../../shared/form-fields.js';
import { ActionError, Loading, Notice } from '../../shared/status-views.js';
import { useTargets } from '../../shared/tracking/use-targets.js';
import { CHANGE_CHOICES, bulkRequestOf, confirmText, doneText, previewText, type BulkChoice, type ChangeKind } from './bulk-request.js';
import { useBulkAction } from './use-bulk-action.js';

/** Administrators: change or delete the selected worklogs, or all that match the filter, after a preview count. */
export function BulkPanel({ selection, filter, activityTypes, onClose, onDone }: {
  selection: readonly { id: string; userId: string }[];
  filter: ExplorerQueryFilter;
  activityTypes: readonly Choice[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [choice, setChoice] = useState<BulkChoice>({ kind: 'activityType', value: activityTypes[0]?.id ?? '', scope: selection.length ? 'selection' : 'filter' });
  const { state, error, preview, run, edit, dismissError } = useBulkAction(onDone);
  // After a run the selection is gone: what remains to act on is the filter.
  const scope = selection.length ? choice.scope : 'filter';
  // A bulk filter cannot name approval states: with them, only a selection says exactly which worklogs.
  const byApproval = (filter.approval?.length ?? 0) > 0;
  const request = byApproval && scope === 'filter' ? undefined : bulkRequestOf({ ...choice, scope }, selection, filter);
  const change = (patch: Partial<BulkChoice>) => { setChoice({ ...choice, ...patch }); edit(); };
  const scopes: Choice[] = [
    ...(selection.length ? [{ id: 'selection', text: `The ${selection.length} selected worklog${selection.length === 1 ? '' : 's'}` }] : []),
    ...(byApproval ? [] : [{ id: 'filter', text: 'Everything matching the filter' }]),
  ];
  const typeChoices: Choice[] = [...activityTypes, { id: '', text: '[Not Set]' }];
  const targetChoices: Choice[] = (useTargets().data ?? []).map((t) => ({ id: t.id, text: t.name }));
  const busy = state.step === 'checking' || state.step === 'running';

  return (
    <Panel onDismiss={state.step === 'running' ? () => {} : onClose} size={ContentSize.Medium} titleProps={{ text: 'Bulk edit' }}
      description="All or none: every worklog changes, or none does. Each records you as its editor."
      footerButtonProps={[{ text: 'Close', onClick: onClose, disabled: state.step === 'running' }]}>
      <div className="flex-column" data-testid="bulk-panel">
        <FieldRow>
          <ChoiceField label="Worklogs" choices={scopes} value={scope} disabled={busy} onChange={(scope) => change({ scope: scope as BulkChoice['scope'] })} />
        </FieldRow>
        {byApproval && <div className="th-muted th-section" data-testid="bulk-approval-note">With an approval filter, select the worklogs to change: everything matching is not offered.</div>}
        <FieldRow>
          <ChoiceField label="Action" choices={CHANGE_CHOICES} value={choice.kind} disabled={busy}
            onChange={(kind) => change({ kind: kind as ChangeKind, value: kind === 'activityType' ? (activityTypes[0]?.id ?? '') : '' })} />
          {choice.kind === 'activityType' && <ChoiceField label="New activity type" choices={typeChoices} value={choice.value} disabled={busy} onChange={(value) => change({ value })} />}
          {choice.kind === 'target' && <ChoiceField label="New target" choices={targetChoices} value={choice.value} disabled={busy} onChange={(value) => change({ value })} />}
          {choice.kind === 'workItem' && (
            <FormItem label="New work item" className="th-field">
              <TextField ariaLabel="New work item" placeholder="Id, e.g. 7" value={choice.value} disabled={busy} onChange={(_event, value) => change({ value })} />
            </FormItem>
          )}
        </FieldRow>
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {state.step === 'choosing' && (
          <div><Button text="Preview" primary disabled={!request} onClick={() => request && void preview(request)} /></div>
        )}
        {state.step === 'checking' && <Loading label="Counting the worklogs…" />}
        {state.step === 'previewed' && (
          <div className="flex-column th-stack">
            <div className="title-xs" data-testid="bulk-preview">{previewText(state.preview)}</div>
            <div className="flex-row th-gap">
              <Button text={confirmText(state.preview)} primary={state.preview.change.kind !== 'delete'} danger={state.preview.change.kind === 'delete'}
                disabled={state.preview.count === 0} onClick={() => void run(state.request)} />
              <Button text="Back" onClick={edit} />
            </div>
          </div>
        )}
        {state.step === 'running' && <Loading label={state.job ? `Applying the change to ${state.job.count.toLocaleString()} worklogs…` : 'Applying…'} />}
        {state.step === 'done' && (
          <Notice severity={MessageCardSeverity.Info}><span data-testid="bulk-done">{doneText(state.job)}</span></Notice>
        )}
      </div>
    </Panel>
  );
}
