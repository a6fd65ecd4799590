import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { useEffect, useState } from 'react';
import { ApiError } from '../shared/api-error.js';
import { useApi } from '../shared/api-context.js';
import type { WorklogView } from '../shared/api-types.js';
import { lengthLabel, localDayOf } from '../shared/format.js';
import { EmptyState, ErrorCard, Loading } from '../shared/status-views.js';
import { onTrackingChanged } from '../shared/tracking/tracking-events.js';
import { useAsync } from '../shared/use-async.js';
import { WorklogForm } from '../shared/worklogs/worklog-form.js';
import { editWorklogValues, newWorklogValues } from '../shared/worklogs/worklog-form-model.js';
import { WorklogList } from '../shared/worklogs/worklog-list.js';
import { readsEveryone } from './reads-everyone.js';
import { userTotals } from './user-totals.js';

interface Loaded {
  worklogs: WorklogView[];
  /** Everyone's worklogs (the caller's role allows it), or only the caller's. */
  everyone: boolean;
}

/** This work item's worklogs with the total: everyone's where the role allows, else the caller's. */
export function WorkItemWorklogs({ workItemId, revision }: { workItemId: number; revision: number }) {
  const api = useApi();
  const [editing, setEditing] = useState<WorklogView | 'new'>();
  const { state, reload } = useAsync(async (): Promise<Loaded> => {
    const mine = async () => ({ worklogs: await api.myWorklogs({ workItemIds: [workItemId] }), everyone: false });
    if (!readsEveryone(await api.session())) return mine();
    try {
      return { worklogs: await api.allWorklogs({ workItemIds: [workItemId] }), everyone: true };
    } catch (error) {
      // The role changed since the session began: fall back to the caller's own time.
      if (error instanceof ApiError && error.status === 403) return mine();
      throw error;
    }
  }, [api, workItemId, revision]);
  useEffect(() => onTrackingChanged(reload), [reload]);
  const loaded = state.data;
  const total = loaded?.worklogs.reduce((sum, w) => sum + w.length, 0) ?? 0;
  const done = () => { setEditing(undefined); reload(); };

  return (
    <Card className="th-section" titleProps={{ text: loaded?.everyone ? "Everyone's time on this work item" : 'Your time on this work item' }}
      headerCommandBarItems={[{ id: 'add', text: 'Add time', important: true, isPrimary: true, iconProps: { iconName: 'Add' }, onActivate: () => setEditing('new') }]}>
      <div className="flex-column flex-grow">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the worklogs" onRetry={reload} />}
        {!loaded && state.status === 'loading' && <Loading label="Loading the worklogs…" />}
        {editing === 'new' && (
          <WorklogForm key="new" initial={newWorklogValues(localDayOf(new Date()), workItemId)} fixedWorkItemId={workItemId} submitText="Add time"
            onCancel={() => setEditing(undefined)} onSubmit={async (request) => { await api.addWorklog(request, crypto.randomUUID()); done(); }} />
        )}
        {editing !== undefined && editing !== 'new' && (
          <WorklogForm key={editing.id} initial={editWorklogValues(editing)} fixedWorkItemId={workItemId} submitText="Save changes"
            onCancel={() => setEditing(undefined)} onSubmit={async (request) => { await api.updateWorklog(editing.id, request); done(); }} />
        )}
        {loaded && (
          <>
            <div className="flex-row flex-center th-gap th-section">
              <span className="title-s">Total</span>
              <span className="title-s th-numbers" data-testid="work-item-total">{lengthLabel(total)}</span>
              {loaded.everyone && userTotals(loaded.worklogs).map((u) => <span key={u.name} className="th-muted">{`${u.name} ${lengthLabel(u.seconds)}`}</span>)}
            </div>
            {loaded.worklogs.length === 0 ? (
              <EmptyState title="No time logged on this work item yet">
                Start tracking above, or <Button subtle text="add time" onClick={() => setEditing('new')} /> by hand.
              </EmptyState>
            ) : (
              <WorklogList worklogs={[...loaded.worklogs].reverse()} showDay showUser={loaded.everyone} onEdit={setEditing}
                onDelete={async (worklog) => { await api.deleteWorklog(worklog.id); done(); }} />
            )}
          </>
        )}
      </div>
    </Card>
  );
}
