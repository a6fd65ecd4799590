import { z } from 'zod';
import type { Ports } from '../ports/index.js';
import { readUserSettings } from '../settings/user-settings.js';
import type { ApprovalDoc } from './approval-records.js';
import { readApprovalSettings } from './approval-settings.js';

const userRef = z.object({ id: z.string(), name: z.string(), uniqueName: z.string() });

/** A notice about one week's transition: who gets it follows from the state it reached. */
export const approvalNoticeMessage = z.object({
  kind: z.literal('approval'),
  orgId: z.string(),
  userId: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  revision: z.number(),
  state: z.enum(['submitted', 'approved', 'reopened']),
  to: userRef,
  member: userRef,
  by: userRef.nullable(),
  reason: z.string().nullable(),
});
export type ApprovalNotice = z.infer<typeof approvalNoticeMessage>;

/**
 * Queues the email a transition calls for: submitted → the approver picked, approved or
 * reopened → the member (with the reason). Nothing when the org or the recipient opted
 * out. The message id names the week's revision, so queuing it again is a duplicate.
 */
export async function queueApprovalNotice(ports: Pick<Ports, 'store' | 'queue'>, doc: ApprovalDoc) {
  if (doc.state !== 'submitted' && doc.state !== 'approved' && doc.state !== 'reopened') return;
  const to = doc.state === 'submitted' ? doc.assignedManager : doc.user;
  if (!to) return;
  if (!(await readApprovalSettings(ports, doc.orgId)).emailNotices) return;
  if (!(await readUserSettings(ports, doc.orgId, to.id)).emailNotificationsOnApprovals) return;
  const body: ApprovalNotice = {
    kind: 'approval', orgId: doc.orgId, userId: doc.userId, weekStart: doc.weekStart, weekEnd: doc.weekEnd, revision: doc.revision,
    state: doc.state, to, member: doc.user, by: doc.approvedByManager, reason: doc.reason,
  };
  await ports.queue.send('email-notices', { messageId: `approval:${doc.orgId}:${doc.userId}:${doc.weekStart}:${doc.revision}`, body });
}
