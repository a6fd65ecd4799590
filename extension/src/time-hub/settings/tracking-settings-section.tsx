import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Toggle } from 'azure-devops-ui/Toggle';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { TrackingPolicy } from '../../shared/api-types.js';
import { FieldRow, NativeField } from '../../shared/form-fields.js';
import { ActionError, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';

/** Activity checks, the longest a tracker may run, and email notices: the org's tracking rules (admins). */
export function TrackingSettingsSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.trackingSettings(), [api]);
  const [draft, setDraft] = useState<TrackingPolicy>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (state.status === 'ready') setDraft(state.data); }, [state]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    setSaved(false);
    try {
      setDraft(await api.saveTrackingSettings(draft));
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };
  const check = draft?.activityCheck;
  const setCheck = (patch: Partial<TrackingPolicy['activityCheck']>) => draft && setDraft({ ...draft, activityCheck: { ...draft.activityCheck, ...patch } });
  const number = (text: string) => (text === '' ? 0 : Math.round(Number(text)));

  return (
    <Card className="th-section" titleProps={{ text: 'Tracking and activity checks' }}>
      <div className="flex-column flex-grow th-stack" data-testid="tracking-settings">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the tracking settings" onRetry={reload} />}
        {state.status === 'loading' && !draft && <Loading label="Loading the tracking settings…" />}
        {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
        {saved && <Notice severity={MessageCardSeverity.Info}>Saved. Trackers started from now on follow these settings.</Notice>}
        {draft && check && (
          <>
            <Toggle text="Ask running trackers “Are you still working?”" checked={check.enabled} onChange={(_e, enabled) => setCheck({ enabled })} />
            <FieldRow>
              <NativeField label="Ask every (minutes, 1–480)" type="number" testId="interval-minutes" min={1} value={String(check.intervalMinutes)} onChange={(v) => setCheck({ intervalMinutes: number(v) })} />
              <NativeField label="Wait for an answer (seconds, 10–3600)" type="number" testId="waiting-seconds" min={10} value={String(check.waitingSeconds)} onChange={(v) => setCheck({ waitingSeconds: number(v) })} />
              <NativeField label="Stop trackers after (hours, 1–24)" type="number" testId="max-track-hours" min={1} value={String(draft.maxTrackLengthHours)} onChange={(v) => setDraft({ ...draft, maxTrackLengthHours: number(v) })} />
            </FieldRow>
            <Toggle text="Email people when Timehub stops their tracker" checked={draft.emailNotifications} onChange={(_e, emailNotifications) => setDraft({ ...draft, emailNotifications })} />
            <div><Button text="Save tracking settings" primary disabled={saving} onClick={() => void save()} /></div>
          </>
        )}
      </div>
    </Card>
  );
}
