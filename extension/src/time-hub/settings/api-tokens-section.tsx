import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import { MAX_TOKEN_DAYS } from '../../../../shared/contracts/identity.js';
import { useApi } from '../../shared/api-context.js';
import type { ApiTokenView, NewApiTokenView } from '../../shared/api-types.js';
import { dateLabel } from '../../shared/format.js';
import { ConfirmButton } from '../../shared/confirm-button.js';
import { ChoiceField, FieldRow } from '../../shared/form-fields.js';
import { ActionError, EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { NewTokenSecret } from './new-token-secret.js';

const LIFETIMES = [30, 90, 180, MAX_TOKEN_DAYS].map((days) => ({ id: String(days), text: days === MAX_TOKEN_DAYS ? '1 year' : `${days} days` }));

/** The caller's personal API tokens, for scripts and reports: create (the secret shows once), list, revoke. */
export function ApiTokensSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.apiTokens(), [api]);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<NewApiTokenView>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const create = () => act(async () => {
    setCreated(await api.createApiToken({ name: name.trim(), expiresInDays: Number(days) }));
    setName('');
  });
  const revoke = (token: ApiTokenView) => act(async () => {
    await api.revokeApiToken(token.id);
    if (created?.id === token.id) setCreated(undefined);
  });

  return (
    <Card className="th-section" titleProps={{ text: 'Your API tokens' }}>
      <div className="flex-column flex-grow" data-testid="api-tokens">
        <div className="th-muted th-section">Personal tokens let scripts and reports call the Timehub REST API as you. They last at most a year.</div>
        {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
        {created && <NewTokenSecret token={created} onDone={() => setCreated(undefined)} />}
        <FieldRow>
          <FormItem label="Token name" className="th-field flex-grow">
            <TextField ariaLabel="Token name" placeholder="e.g. Weekly report script" value={name} onChange={(_e, v) => setName(v)} maxLength={100} />
          </FormItem>
          <ChoiceField label="Expires in" choices={LIFETIMES} value={days} onChange={setDays} />
          <Button text="Create token" primary disabled={busy || !name.trim()} onClick={() => void create()} />
        </FieldRow>
        {state.status === 'failed' && <ErrorCard error={state.error} what="your API tokens" onRetry={reload} />}
        {!state.data && state.status === 'loading' && <Loading label="Loading your API tokens…" />}
        {state.data?.length === 0 && <EmptyState title="No API tokens yet" />}
        {state.data && state.data.length > 0 && (
          <ul data-testid="api-token-list">
            {state.data.map((token) => (
              <li key={token.id} className="flex-row flex-center th-gap" style={{ padding: '6px 0' }} data-testid="api-token" data-token-name={token.name}>
                <span className="font-weight-semibold" style={{ minWidth: 200 }}>{token.name}</span>
                <span className="th-muted">{`created ${dateLabel(token.createdTimestamp)}, expires ${dateLabel(token.expiresTimestamp)}`}</span>
                <span className="flex-grow" />
                <ConfirmButton text="Revoke" question="Scripts using this token will stop working." confirmText="Yes, revoke" disabled={busy} onConfirm={() => void revoke(token)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
