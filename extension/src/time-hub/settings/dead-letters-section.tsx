import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { useApi } from '../../shared/api-context.js';
import { dateTimeLabel } from '../../shared/format.js';
import { ActionError, EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { deadLetterRows } from './dead-letter-rows.js';
import './dead-letters.css';

/** Admins: queue messages the server gave up on, such as stop notices that could not be mailed. */
export function DeadLettersSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.deadLetters(), [api]);
  const rows = state.data ? deadLetterRows(state.data) : undefined;
  const retry = useSubmit();
  const retryRow = (queue: string, messageId: string) => retry.submit(async () => {
    await api.automation.retryDeadLetter(queue, messageId);
    reload();
    return '';
  });

  return (
    <Card className="th-section" titleProps={{ text: 'Undelivered notices' }}>
      <div className="flex-column flex-grow" data-testid="dead-letters">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the undelivered notices" onRetry={reload} />}
        {retry.error !== undefined && <ActionError error={retry.error} onDismiss={retry.dismissError} />}
        {!state.data && state.status === 'loading' && <Loading label="Loading the undelivered notices…" />}
        {rows?.length === 0 && <EmptyState title="Nothing undelivered">Notices the server could not deliver after repeated tries appear here.</EmptyState>}
        {rows && rows.length > 0 && (
          <table className="th-dead-letters">
            <thead>
              <tr>
                <th>Queue</th>
                <th>When</th>
                <th>Deliveries</th>
                <th>Reason</th>
                <th>Worklog</th>
                <th>User</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-testid="dead-letter" data-queue={row.queue}>
                  <td>{row.queue}</td>
                  <td title={row.deadLetteredAt}>{dateTimeLabel(row.deadLetteredAt)}</td>
                  <td>{row.deliveryCount}</td>
                  <td className="th-dead-letter-reason">{row.reason}</td>
                  <td>{row.worklogId ?? <span className="th-muted">–</span>}</td>
                  <td>{row.userId ?? <span className="th-muted">–</span>}</td>
                  <td><Button text="Retry" subtle disabled={retry.busy} ariaLabel={`Retry ${row.messageId}`} onClick={() => void retryRow(row.queue, row.messageId)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
