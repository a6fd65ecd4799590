import { z } from 'zod';
import { StoreConflictError, type Document } from '../ports/document-store.js';
import type { DeliveredMessage } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { userPartition } from '../worklogs/user-ledger.js';
import { approvalNoticeMail, reminderMail } from './approval-mail.js';
import { approvalNoticeMessage } from './approval-notices.js';
import { reminderMailMessage, reminderRunMessage, runReminders } from './approval-reminders.js';

interface NoticeSentDoc extends Document {
  type: 'noticeSent';
  sentTimestamp: string;
}

/** The approval messages on the email-notices queue, told apart by `kind`. */
export const approvalMessage = z.discriminatedUnion('kind', [approvalNoticeMessage, reminderMailMessage, reminderRunMessage]);

export const isApprovalMessage = (body: unknown) => approvalMessage.safeParse(body).success;

/**
 * Sends an approval email, or runs the weekly reminders. A mailer failure throws, so the
 * queue retries; a marker in the member's partition makes a redelivery send nothing.
 */
export async function handleApprovalMessage(ports: Ports, appBaseUrl: string, message: DeliveredMessage) {
  const body = approvalMessage.parse(message.body);
  if (body.kind === 'approvalReminders') return runReminders(ports, body);
  const pk = userPartition(body.orgId, body.userId);
  const sentId = body.kind === 'approval' ? `notice:approval:${body.weekStart}:${body.revision}` : `notice:reminder:${body.day}`;
  if (await ports.store.read<NoticeSentDoc>('worklogs', pk, sentId)) return;
  const mail = body.kind === 'approval' ? approvalNoticeMail(body, appBaseUrl) : reminderMail(body.to, body.weeks, body.day, appBaseUrl);
  await ports.mailer.send({ ...mail, orgId: body.orgId });
  try {
    await ports.store.create<NoticeSentDoc>('worklogs', { id: sentId, pk, type: 'noticeSent', schemaVersion: 1, sentTimestamp: ports.clock.now().toISOString(), ttl: 90 * 86_400 });
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
  }
}
