import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import { useApi } from '../shared/api-context.js';
import { FieldRow } from '../shared/form-fields.js';
import { ActionError, Notice } from '../shared/status-views.js';
import { useSubmit } from '../shared/use-submit.js';

/** Activate a purchased subscription by the id the vendor sent. */
export function ActivateForm({ onActivated }: { onActivated: () => void }) {
  const api = useApi();
  const [subscriptionId, setSubscriptionId] = useState('');
  const { busy, error, done, submit, dismissError } = useSubmit();

  const activate = () =>
    submit(async () => {
      const id = subscriptionId.trim();
      await api.activateSubscription({ subscriptionId: id });
      setSubscriptionId('');
      onActivated();
      return `Subscription ${id} is now active for this organization.`;
    });

  return (
    <Card className="th-section" titleProps={{ text: 'Activate a subscription' }}>
      <div className="flex-column flex-grow" data-testid="activate-subscription">
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {done && <Notice>{done}</Notice>}
        <FieldRow>
          <FormItem label="Subscription id" className="th-field flex-grow">
            <TextField ariaLabel="Subscription id" placeholder="From your purchase confirmation" value={subscriptionId} onChange={(_e, v) => setSubscriptionId(v)} />
          </FormItem>
          <Button text="Activate" primary disabled={busy || !subscriptionId.trim()} onClick={() => void activate()} />
        </FieldRow>
      </div>
    </Card>
  );
}
