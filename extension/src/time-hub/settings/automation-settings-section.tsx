import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Toggle } from 'azure-devops-ui/Toggle';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { AutomationSettingsView } from '../../shared/automation-api.js';
import { ChoiceField, FieldRow } from '../../shared/form-fields.js';
import { MultiChoiceField } from '../../shared/multi-choice-field.js';
import { ActionError, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { RecomputeForm } from './recompute-form.js';

const COMPLETED = [{ id: 'add', text: 'Add tracked time' }, { id: 'none', text: 'Leave it' }];
const REMAINING = [{ id: 'subtract', text: 'Subtract tracked time (never below 0)' }, { id: 'none', text: 'Leave it' }];
const ROUNDING = [
  { id: '0', text: 'No rounding' }, { id: '0.1', text: 'To 0.1 h (6 min)' }, { id: '0.25', text: 'To 0.25 h (15 min)' },
  { id: '0.5', text: 'To 0.5 h' }, { id: '1', text: 'To whole hours' },
];
const TYPES = ['Task', 'Bug', 'User Story', 'Product Backlog Item', 'Requirement', 'Issue', 'Feature', 'Epic'].map((t) => ({ id: t, text: t }));

/** Admins: whether and how tracked time is written back to Completed and Remaining Work. */
export function AutomationSettingsSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.automation.settings(), [api]);
  const [draft, setDraft] = useState<AutomationSettingsView>();
  const { busy, error, done, submit, dismissError } = useSubmit();
  useEffect(() => { if (state.status === 'ready') setDraft(state.data); }, [state]);
  const change = (patch: Partial<AutomationSettingsView>) => draft && setDraft({ ...draft, ...patch });
  const save = () => draft && submit(async () => {
    setDraft(await api.automation.saveSettings(draft));
    return draft.enabled ? 'Saved. Time tracked from now on is written to the work items.' : 'Saved. Timehub leaves the work items alone.';
  });
  const types = [...TYPES, ...(draft?.workItemTypes ?? []).filter((t) => !TYPES.some((c) => c.id === t)).map((t) => ({ id: t, text: t }))];

  return (
    <Card className="th-section" titleProps={{ text: 'Work item automation' }}>
      <div className="flex-column flex-grow th-stack" data-testid="automation-settings">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the work item automation settings" onRetry={reload} />}
        {state.status === 'loading' && !draft && <Loading label="Loading the work item automation settings…" />}
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {done && <Notice severity={MessageCardSeverity.Info}>{done}</Notice>}
        {draft && (
          <>
            <Toggle text="Write tracked time back to work items" checked={draft.enabled} onChange={(_e, enabled) => change({ enabled })} />
            <FieldRow>
              <ChoiceField label="Completed Work" choices={COMPLETED} value={draft.completedWork} onChange={(id) => change({ completedWork: id as AutomationSettingsView['completedWork'] })} />
              <ChoiceField label="Remaining Work" choices={REMAINING} value={draft.remainingWork} onChange={(id) => change({ remainingWork: id as AutomationSettingsView['remainingWork'] })} />
              <ChoiceField label="Rounding" choices={ROUNDING} value={String(draft.roundingHours)} onChange={(id) => change({ roundingHours: Number(id) as AutomationSettingsView['roundingHours'] })} />
              <MultiChoiceField label="Work item types" choices={types} value={draft.workItemTypes} placeholder="Choose at least one" onChange={(workItemTypes) => change({ workItemTypes })} />
            </FieldRow>
            <div className="th-muted">
              Only Timehub's share moves: a value someone types into a work item stays, and time is added to it. Organization admins first add
              Timehub's app as a user with Basic access (README, Deployment).
            </div>
            <div><Button text="Save work item automation" primary disabled={busy || draft.workItemTypes.length === 0} onClick={() => void save()} /></div>
            <RecomputeForm />
          </>
        )}
      </div>
    </Card>
  );
}
