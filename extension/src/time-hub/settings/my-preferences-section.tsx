import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { DateFormat, TimeFormat } from '../../shared/format.js';
import { FieldRow, NativeField } from '../../shared/form-fields.js';
import { usePreferences, type Preferences } from '../../shared/preferences.js';
import { ActionError, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { dateStyleChoices, SelectField, timeFormatChoices, WEEKDAYS, WorkdaysField } from './preference-fields.js';
import './preferences.css';

const SAMPLE_DAY = '2026-11-30';

/** The caller's own preferences (every member): time and date formats, first day of the week, daily target and workdays. */
export function MyPreferencesSection() {
  const api = useApi();
  const { replace } = usePreferences();
  const { state, reload } = useAsync(() => api.mySettings(), [api]);
  const [draft, setDraft] = useState<Preferences>();
  const { busy, error, done, submit, dismissError } = useSubmit();
  useEffect(() => { if (state.status === 'ready') setDraft(state.data); }, [state]);
  const change = (patch: Partial<Preferences>) => draft && setDraft({ ...draft, ...patch });

  const save = (chosen: Preferences) => submit(async () => {
    const { timeFormat, dateFormat, firstDayOfWeek, dailyTargetHours, workdays } = chosen;
    const saved = await api.saveMySettings({ timeFormat, dateFormat, firstDayOfWeek, dailyTargetHours, workdays });
    setDraft(saved);
    replace(saved);
    return 'Saved. Every page of Timehub now shows time this way.';
  });

  return (
    <Card className="th-section" titleProps={{ text: 'Your preferences' }}>
      <div className="flex-column flex-grow th-stack" data-testid="my-preferences">
        {state.status === 'failed' && <ErrorCard error={state.error} what="your preferences" onRetry={reload} />}
        {state.status === 'loading' && !draft && <Loading label="Loading your preferences…" />}
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {done && <div data-testid="preferences-saved"><Notice severity={MessageCardSeverity.Info}>{done}</Notice></div>}
        {draft && (
          <>
            <FieldRow>
              <SelectField label="Time format" testId="time-format" value={draft.timeFormat} choices={timeFormatChoices}
                onChange={(id) => change({ timeFormat: id as TimeFormat })} />
              <SelectField label="Dates and times of day" testId="date-format" value={draft.dateFormat} choices={dateStyleChoices(SAMPLE_DAY)}
                onChange={(id) => change({ dateFormat: id as DateFormat })} />
              <SelectField label="First day of the week" testId="week-start" value={draft.firstDayOfWeek === null ? '' : String(draft.firstDayOfWeek)}
                choices={[{ id: '', text: `The organization's (${WEEKDAYS[draft.organizationFirstDayOfWeek] ?? ''})` }, ...WEEKDAYS.map((name, day) => ({ id: String(day), text: name }))]}
                onChange={(id) => change({ firstDayOfWeek: id === '' ? null : Number(id) })} />
            </FieldRow>
            <FieldRow>
              <NativeField label="Daily target (hours)" testId="daily-target" type="number" min={0} step={0.25} value={String(draft.dailyTargetHours)}
                onChange={(v) => change({ dailyTargetHours: v === '' ? 0 : Number(v) })} />
              <WorkdaysField workdays={draft.workdays} firstDayOfWeek={draft.firstDayOfWeek ?? draft.organizationFirstDayOfWeek}
                onChange={(workdays) => change({ workdays })} />
            </FieldRow>
            <div><Button text="Save preferences" primary disabled={busy} onClick={() => void save(draft)} /></div>
          </>
        )}
      </div>
    </Card>
  );
}
