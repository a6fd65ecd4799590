import { Card } from 'azure-devops-ui/Card';
import { useApi } from '../../shared/api-context.js';
import { dateTimeLabel } from '../../shared/format.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { deadLetterRows } from './dead-letter-rows.js';
import './dead-letters.css';

/** Admins: queue messages the server gave up on, such as stop notices that could not be mailed. */
export function DeadLettersSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.deadLetters(), [api]);
  const rows = state.data ? deadLetterRows(state.data) : undefined;

  return (
    <Card className="th-section" titleProps={{ text: 'Undelivered notices' }}>
      <div className="flex-column flex-grow" data-testid="dead-letters">
        {state.status === 'failed' && <ErrorCard error={state.error} what="the undelivered notices" onRetry={reload} />}
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
