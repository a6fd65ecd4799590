import { Card } from 'azure-devops-ui/Card';
import { Toggle } from 'azure-devops-ui/Toggle';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { ActionError, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';

/** The caller's own choice: an email when Timehub stops their tracker (and the org sends such emails). */
export function MyNotificationsSection() {
  const api = useApi();
  const { state, reload, setData } = useAsync(() => api.mySettings(), [api]);
  const [error, setError] = useState<unknown>();

  const change = async (emailNotificationsOnTracking: boolean, emailNotificationsOnApprovals?: boolean) => {
    setError(undefined);
    try {
      setData(await api.saveMySettings({ emailNotificationsOnTracking, emailNotificationsOnApprovals }));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Card className="th-section" titleProps={{ text: 'Your notifications' }}>
      <div className="flex-column flex-grow" data-testid="my-notifications">
        {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
        {state.status === 'failed' && <ErrorCard error={state.error} what="your notification settings" onRetry={reload} />}
        {state.status === 'loading' && !state.data && <Loading label="Loading your settings…" />}
        {state.data && (
          <Toggle text="Email me when Timehub stops my tracker (no answer to an activity check, or too long)"
            checked={state.data.emailNotificationsOnTracking} onChange={(_e, checked) => void change(checked)} />
        )}
        {state.data && (
          <Toggle text="Email me about time approvals (a week submitted to me, my week decided, reminders)"
            checked={state.data.emailNotificationsOnApprovals !== false} onChange={(_e, checked) => void change(state.data!.emailNotificationsOnTracking, checked)} />
        )}
      </div>
    </Card>
  );
}
