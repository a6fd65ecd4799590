import { Card } from 'azure-devops-ui/Card';
import { useState } from 'react';
import type { TargetPatchInput, TargetView } from '../../../../shared/contracts/targets.js';
import { useApi } from '../../shared/api-context.js';
import { ActionError, EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { targetsChanged } from '../../shared/tracking/use-targets.js';
import { useAsync } from '../../shared/use-async.js';
import { NewTargetForm, TargetEditor } from './target-editor.js';

/**
 * Administrators: the internal targets time can go on instead of a work item (vacation,
 * meetings, ...), deactivated ones included, to add, change, deactivate and reactivate.
 */
export function TargetsSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.targets.list(true), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const dismissError = () => setError(undefined);

  /** One change; true when it went through (the new-target form then empties, else keeps what was typed). */
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    } finally {
      setBusy(false);
      targetsChanged();
      reload();
    }
  };
  const change = (target: TargetView, patch: TargetPatchInput) => void run(() => api.targets.update(target.id, patch));
  const deactivate = (target: TargetView) => void run(() => api.targets.deactivate(target.id));

  return (
    <Card className="th-section" titleProps={{ text: 'Targets' }}>
      <div className="flex-column flex-grow th-stack" data-testid="targets">
        <div className="th-muted">Time that belongs to no work item: people track or log it on a target instead.</div>
        {state.status === 'failed' && <ErrorCard error={state.error} what="the targets" onRetry={reload} />}
        {state.status === 'loading' && !state.data && <Loading label="Loading the targets…" />}
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {state.status === 'ready' && state.data.length === 0 && <EmptyState title="No targets yet" />}
        {state.data && (
          <ul className="flex-column th-stack" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
            {state.data.map((target) => (
              <TargetEditor key={`${target.id}:${target.name}:${target.color}:${String(target.isBillable)}`} target={target} busy={busy}
                onChange={(patch) => change(target, patch)} onDeactivate={() => deactivate(target)} />
            ))}
          </ul>
        )}
        <NewTargetForm busy={busy} onEdit={dismissError} onAdd={(name, color, isBillable) => run(() => api.targets.create({ name, color, isBillable }))} />
      </div>
    </Card>
  );
}
