import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { TextField } from 'azure-devops-ui/TextField';
import { Fragment, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { QueuedWeekView } from '../../shared/api-types.js';
import { dayLabel, dayRangeLabel, hoursLabel } from '../../shared/format.js';
import { ActionError, EmptyState, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { WeekWorklogs } from './week-worklogs.js';
import './approvals.css';

const keyOf = (week: QueuedWeekView) => `${week.user.id}/${week.weekStartDate}`;

/** For approvers: the weeks waiting for a decision, with each person's hours; approve or reopen several at once. */
export function ApprovalsPage() {
  const api = useApi();
  const [showing, setShowing] = useState<'submitted' | 'approved'>('submitted');
  const { state, reload } = useAsync(() => api.approvals.queue(showing), [api, showing]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string>();
  const [comment, setComment] = useState('');
  const { busy, error, done, submit, dismissError } = useSubmit();
  const weeks = state.data ?? [];
  const chosen = weeks.filter((w) => selected.has(keyOf(w)));
  const toggle = (key: string) => setSelected((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));

  const decide = (action: 'approve' | 'reopen') => submit(async () => {
    // One week after another: each is its own decision, and the first refusal stops the rest.
    for (const week of chosen) await api.approvals.decideWeek(action, { userId: week.user.id, weekStart: week.weekStartDate, ...(comment.trim() ? { reason: comment.trim() } : {}) });
    setSelected(new Set());
    setComment('');
    reload();
    return `${chosen.length} ${chosen.length === 1 ? 'week' : 'weeks'} ${action === 'approve' ? 'approved' : 'reopened'}`;
  });

  return (
    <Card className="th-section" titleProps={{ text: showing === 'submitted' ? 'Weeks waiting for your approval' : 'Approved weeks' }}>
      <div className="flex-column flex-grow" data-testid="approvals">
        <div className="flex-row flex-center th-approvals-actions">
          <label className="th-muted" htmlFor="approvals-showing">Show</label>
          <select id="approvals-showing" className="th-approver-select" data-testid="approvals-showing" value={showing}
            onChange={(e) => { setSelected(new Set()); setShowing(e.target.value === 'approved' ? 'approved' : 'submitted'); }}>
            <option value="submitted">Waiting for approval</option>
            <option value="approved">Approved (to reopen)</option>
          </select>
        </div>
        {state.status === 'failed' && <ErrorCard error={state.error} what="the approvals" onRetry={reload} />}
        {state.status === 'loading' && !state.data && <Loading label="Loading the weeks to approve…" />}
        {done && <Notice>{done}</Notice>}
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {state.data && weeks.length === 0 && (
          <EmptyState title={showing === 'submitted' ? 'No weeks are waiting for you' : 'No approved weeks'}>Weeks your team submits appear here.</EmptyState>
        )}
        {weeks.length > 0 && (
          <>
            <table className="th-approvals-table">
              <thead>
                <tr>
                  <th />
                  <th className="th-approvals-person">Person</th>
                  {Object.keys(weeks[0]!.secondsPerDay).map((day) => <th key={day}>{dayLabel(day)}</th>)}
                  <th>Total</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <Fragment key={keyOf(week)}>
                    <tr data-testid="queued-week" data-user={week.user.name}>
                      <td><input type="checkbox" aria-label={`Select ${week.user.name}, week of ${week.weekStartDate}`} checked={selected.has(keyOf(week))} onChange={() => toggle(keyOf(week))} /></td>
                      <td className="th-approvals-person"><b>{week.user.name}</b><div className="th-muted">{dayRangeLabel(week.weekStartDate, week.weekEndDate)}</div></td>
                      {Object.entries(week.secondsPerDay).map(([day, seconds]) => <td key={day} className="th-total">{seconds ? hoursLabel(seconds) : '·'}</td>)}
                      <td className="th-total" data-testid="queued-total"><b>{hoursLabel(week.totalSeconds)}</b></td>
                      <td><Button subtle text={open === keyOf(week) ? 'Hide worklogs' : 'Worklogs'} onClick={() => setOpen(open === keyOf(week) ? undefined : keyOf(week))} /></td>
                    </tr>
                    {open === keyOf(week) && <tr><td colSpan={11}><WeekWorklogs week={week} /></td></tr>}
                  </Fragment>
                ))}
              </tbody>
            </table>
            <div className="flex-row flex-center th-approvals-actions">
              <TextField className="flex-grow" value={comment} onChange={(_e, value) => setComment(value)} placeholder="Comment (needed to reopen: the member reads it)" ariaLabel="Decision comment" />
              {showing === 'submitted' && <Button text="Approve selected" primary disabled={busy || chosen.length === 0} onClick={() => void decide('approve')} />}
              <Button text="Reopen selected" disabled={busy || chosen.length === 0 || !comment.trim()} onClick={() => void decide('reopen')} />
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
