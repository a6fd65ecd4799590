import { Button } from 'azure-devops-ui/Button';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { ApprovalView, MyWeeksView } from '../../shared/api-types.js';
import { ActionError } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { lockReason } from './week-locks.js';
import { weekLabel } from './week.js';

const STATE_TEXT: Record<ApprovalView['state'], string> = { submitted: 'Submitted', approved: 'Approved', reopened: 'Reopened', closed: 'Closed' };

/**
 * An approval week's state (and reason), Submit week to a chosen approver, or Withdraw.
 * `named`: say which week, when the timesheet's week straddles two of the org's.
 */
export function WeekApproval({ weekStart, approvals, onChanged, named }: { weekStart: string; approvals: MyWeeksView; onChanged: () => void; named?: boolean }) {
  const api = useApi();
  const week = approvals.weeks.find((w) => w.weekStartDate <= weekStart && weekStart <= w.weekEndDate);
  const canSubmit = !week || week.state === 'reopened';
  const approvers = useAsync(() => (canSubmit ? api.approvals.approvers() : Promise.resolve([])), [api, canSubmit]);
  const [approverId, setApproverId] = useState('');
  const { busy, error, submit, dismissError } = useSubmit();
  const chosen = approverId || approvers.state.data?.[0]?.id || '';

  const act = (action: () => Promise<unknown>) => submit(async () => {
    await action();
    onChanged();
    return 'done';
  });

  return (
    <div className="th-week-approval flex-column" data-testid="week-approval" data-state={week?.state ?? 'none'}>
      <div className="flex-row flex-center th-week-approval-row">
        {named && <span className="th-approval-period" data-testid="week-approval-period">{weekLabel(weekStart)}</span>}
        <span className={`th-approval-pill th-approval-${week?.state ?? 'none'}`} data-testid="week-state">{week ? STATE_TEXT[week.state] : 'Not submitted'}</span>
        <span className="th-muted th-approval-why" data-testid="week-state-detail">
          {week && (lockReason(week) ?? `by ${week.approvedByManager?.name ?? 'an approver'}: ${week.reason ?? ''}`)}
        </span>
        <span className="flex-grow" />
        {canSubmit && (
          <>
            <label className="th-muted" htmlFor={`approver-${weekStart}`}>Approver</label>
            <select id={`approver-${weekStart}`} className="th-approver-select" data-testid="approver-select" value={chosen} onChange={(e) => setApproverId(e.target.value)}>
              {(approvers.state.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <Button text="Submit week" primary disabled={busy || !chosen} iconProps={{ iconName: 'Send' }}
              onClick={() => void act(() => api.approvals.submitWeek({ weekStart, assignedManagerId: chosen }))} />
          </>
        )}
        {week?.state === 'submitted' && <Button text="Withdraw" disabled={busy} onClick={() => void act(() => api.approvals.withdrawWeek(week.weekStartDate))} />}
      </div>
      {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
    </div>
  );
}
