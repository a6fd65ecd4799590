import { Card } from 'azure-devops-ui/Card';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { ActivityType, ActivityTypePatchRequest } from '../../shared/api-types.js';
import { ActionError, EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { activityTypesChanged, useActivityTypes } from '../../shared/tracking/use-activity-types.js';
import { ActivityTypeEditor, ColorInput, NewActivityTypeForm } from './activity-type-editor.js';

/**
 * The organization's activity types, as worklogs and trackers offer them. Admins add,
 * rename, recolor, set the default and deactivate; everyone else reads them.
 */
export function ActivityTypesSection({ canManage }: { canManage: boolean }) {
  const api = useApi();
  const types = useActivityTypes();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      activityTypesChanged();
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const change = (type: ActivityType, patch: ActivityTypePatchRequest) => void run(() => api.updateActivityType(type.id, patch));
  const deactivate = (type: ActivityType) => void run(() => api.deactivateActivityType(type.id));
  const add = (name: string, color: string) => run(() => api.createActivityType({ name, color }));

  return (
    <Card className="th-section" titleProps={{ text: 'Activity types' }}>
      <div className="flex-column flex-grow th-stack" data-testid="activity-types">
        {types.status === 'failed' && <ErrorCard error={types.error} what="the activity types" />}
        {types.status === 'loading' && !types.data && <Loading label="Loading the activity types…" />}
        {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
        {types.status === 'ready' && types.data.length === 0 && <EmptyState title="No activity types" />}
        {types.data && canManage && (
          <ul className="flex-column th-stack" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
            {types.data.map((type) => (
              <ActivityTypeEditor key={`${type.id}:${type.name}:${type.color}`} type={type} busy={busy}
                onChange={(patch) => change(type, patch)} onDeactivate={() => deactivate(type)} />
            ))}
          </ul>
        )}
        {types.data && !canManage && <ReadOnlyList types={types.data} />}
        {/* Typing another name answers the last refusal. */}
        {canManage && <NewActivityTypeForm busy={busy} onAdd={add} onEdit={() => setError(undefined)} />}
      </div>
    </Card>
  );
}

function ReadOnlyList({ types }: { types: readonly ActivityType[] }) {
  return (
    <ul className="flex-row flex-wrap" style={{ gap: 8, margin: 0 }}>
      {types.filter((type) => type.isActive).map((type) => (
        <li key={type.id} className="flex-row flex-center th-gap" data-testid="activity-type" data-type-name={type.name}>
          <ColorInput label={type.name} value={type.color} />
          <span>{type.name}</span>
          {type.isDefault && <Pill size={PillSize.compact}>default</Pill>}
        </li>
      ))}
    </ul>
  );
}
