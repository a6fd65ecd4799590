import type { ApiClient } from './api-client.js';
import type { ApprovalSettingsView, ApprovalView, DecideWeekRequest, MyWeeksView, QueuedWeekView, SubmitWeekRequest, UserRef } from './api-types.js';

/** Time approvals: one's weeks, submitting and withdrawing them, the approvers' queue and decisions, the org's settings. */
export function approvalsApi({ request }: ApiClient) {
  return {
    /** One's weeks, or `userId`'s (by role: the timesheet's person picker). */
    myWeeks: (from: string, to: string, userId?: string) =>
      request<MyWeeksView>('GET', `/approvals/weeks?from=${from}&to=${to}${userId ? `&userId=${encodeURIComponent(userId)}` : ''}`),
    approvers: () => request<UserRef[]>('GET', '/approvals/approvers'),
    submitWeek: (input: SubmitWeekRequest) => request<ApprovalView>('POST', '/approvals/submit', input),
    withdrawWeek: (weekStart: string) => request<boolean>('DELETE', `/rest/timeApproval/week?weekStart=${weekStart}`),
    queue: (state: 'submitted' | 'approved' = 'submitted') => request<QueuedWeekView[]>('GET', `/approvals/queue?state=${state}`),
    decideWeek: (action: 'approve' | 'reopen', input: DecideWeekRequest) => request<ApprovalView>('POST', `/approvals/${action}`, input),
    settings: () => request<ApprovalSettingsView>('GET', '/settings/approvals'),
    saveSettings: (settings: ApprovalSettingsView) => request<ApprovalSettingsView>('PUT', '/settings/approvals', settings),
  };
}
