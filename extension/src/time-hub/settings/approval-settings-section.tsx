import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { FormItem } from 'azure-devops-ui/FormItem';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Toggle } from 'azure-devops-ui/Toggle';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { ApprovalSettingsView } from '../../shared/api-types.js';
import { FieldRow, NativeField } from '../../shared/form-fields.js';
import { ActionError, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function WeekdayField({ label, value, onChange, allowNone, testId }: { label: string; value: number | null; onChange: (day: number | null) => void; allowNone?: boolean; testId: string }) {
  return (
    <FormItem label={label} className="th-field">
      <select className="th-native-input" aria-label={label} data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        {allowNone && <option value="">No reminders</option>}
        {WEEKDAYS.map((name, day) => <option key={name} value={day}>{name}</option>)}
      </select>
    </FormItem>
  );
}

/** Time approvals for the org (admins): on or off, weeks, who approves, complete weeks, reminders and notices. */
export function ApprovalSettingsSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.approvals.settings(), [api]);
  const [draft, setDraft] = useState<ApprovalSettingsView>();
  const { busy, error, done, submit, dismissError } = useSubmit();
  useEffect(() => { if (state.status === 'ready') setDraft(state.data); }, [state]);
  const change = (patch: Partial<ApprovalSettingsView>) => draft && setDraft({ ...draft, ...patch });

  return (
    <Card className="th-section" titleProps={{ text: 'Time approvals' }}>
      <div className="flex-column flex-grow th-stack" data-testid="approval-settings">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the approval settings" onRetry={reload} />}
        {state.status === 'loading' && !draft && <Loading label="Loading the approval settings…" />}
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {done && <Notice severity={MessageCardSeverity.Info}>{done}</Notice>}
        {draft && (
          <>
            <Toggle text="Members submit their weeks for approval; submitted and approved weeks are locked" checked={draft.enabled} onChange={(_e, enabled) => change({ enabled })} />
            <FieldRow>
              <WeekdayField label="The organization's weeks start on" testId="first-day-of-week" value={draft.firstDayOfWeek} onChange={(day) => change({ firstDayOfWeek: day ?? 1 })} />
              <FormItem label="Who approves" className="th-field">
                <select className="th-native-input" aria-label="Who approves" value={draft.approvers} onChange={(e) => change({ approvers: e.target.value === 'administrators' ? 'administrators' : 'teamLeads' })}>
                  <option value="teamLeads">Team leads (their teams) and Administrators</option>
                  <option value="administrators">Administrators only</option>
                </select>
              </FormItem>
              <WeekdayField label="Remind about unsubmitted weeks on" testId="reminder-day" allowNone value={draft.reminderDay} onChange={(reminderDay) => change({ reminderDay })} />
            </FieldRow>
            <Toggle text="A week needs a minimum of hours before it can be submitted" checked={draft.requireCompleteWeek} onChange={(_e, requireCompleteWeek) => change({ requireCompleteWeek })} />
            {draft.requireCompleteWeek && (
              <FieldRow>
                <NativeField label="Minimum hours per week" type="number" min={0} step={0.5} value={String(draft.minimumWeekHours)} onChange={(v) => change({ minimumWeekHours: v === '' ? 0 : Number(v) })} />
              </FieldRow>
            )}
            <Toggle text="Email approvers about submissions and members about decisions" checked={draft.emailNotices} onChange={(_e, emailNotices) => change({ emailNotices })} />
            <div>
              <Button text="Save approval settings" primary disabled={busy}
                onClick={() => void submit(async () => { setDraft(await api.approvals.saveSettings(draft)); return 'Saved.'; })} />
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
