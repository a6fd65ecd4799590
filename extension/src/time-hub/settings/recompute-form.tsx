import { Button } from 'azure-devops-ui/Button';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { RecomputePreview } from '../../shared/automation-api.js';
import { FieldRow, NativeField } from '../../shared/form-fields.js';
import { ActionError, Notice } from '../../shared/status-views.js';
import { useSubmit } from '../../shared/use-submit.js';

const hours = (value: number | null) => (value === null ? '–' : `${value} h`);

/** One work item recounted from its worklogs: preview what would change, then apply it. */
export function RecomputeForm() {
  const api = useApi();
  const [workItemId, setWorkItemId] = useState('');
  const [preview, setPreview] = useState<RecomputePreview>();
  const { busy, error, done, submit, dismissError } = useSubmit();
  const id = Number(workItemId);
  const valid = Number.isInteger(id) && id > 0;

  const load = () => submit(async () => {
    setPreview(await api.automation.previewRecompute(id));
    return '';
  });
  const apply = () => preview && submit(async () => {
    await api.automation.applyRecompute(preview.workItemId);
    setPreview(undefined);
    return `Work item ${preview.workItemId} is being updated.`;
  });

  return (
    <div className="flex-column th-stack" data-testid="recompute">
      <h3 className="th-subtitle">Recompute one work item from its worklogs</h3>
      {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
      {done && <Notice severity={MessageCardSeverity.Info}>{done}</Notice>}
      <FieldRow>
        <NativeField label="Work item" type="number" testId="recompute-work-item" min={1} value={workItemId} onChange={(v) => { setWorkItemId(v); setPreview(undefined); }} />
      </FieldRow>
      <div><Button text="Preview" disabled={busy || !valid} onClick={() => void load()} /></div>
      {preview && (
        <>
          <table className="th-dead-letters" data-testid="recompute-preview">
            <thead><tr><th /><th>Completed Work</th><th>Remaining Work</th></tr></thead>
            <tbody>
              <tr><td>Now (revision {preview.current.rev})</td><td>{hours(preview.current.completedWork)}</td><td>{hours(preview.current.remainingWork)}</td></tr>
              <tr><td>From {Math.round(preview.trackedSeconds / 36) / 100} h of worklogs</td><td>{hours(preview.computed.completedWork)}</td><td>{hours(preview.computed.remainingWork)}</td></tr>
            </tbody>
          </table>
          <pre className="th-muted" data-testid="recompute-patch">{preview.patch.length === 0 ? 'Nothing to change.' : JSON.stringify(preview.patch, null, 1)}</pre>
          <div><Button text="Apply" primary disabled={busy || preview.patch.length === 0} onClick={() => void apply()} /></div>
        </>
      )}
    </div>
  );
}
