import { StoreConflictError, type Document } from '../ports/document-store.js';
import type { DeliveredMessage } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { loadOrganizationById } from '../orgs/organization.js';
import { targetsOf } from '../targets/org-targets.js';
import { workItemNames } from '../work-items/work-item-names.js';
import { userPartition } from '../worklogs/user-ledger.js';
import { fromDoc, readWorklog } from '../worklogs/worklog-documents.js';
import { stopNoticeMail } from './stop-notice-mail.js';
import { stopNoticeMessage } from './queue-stop-notice.js';

interface NoticeSentDoc extends Document {
  type: 'noticeSent';
  sentTimestamp: string;
}

/**
 * Sends the email about one stopped tracker. A mailer failure throws, so the queue
 * retries and finally dead-letters it; once sent, a redelivery sends nothing.
 */
export async function sendStopNotice(ports: Ports, appBaseUrl: string, message: DeliveredMessage) {
  const notice = stopNoticeMessage.parse(message.body);
  const pk = userPartition(notice.orgId, notice.userId);
  const sentId = `notice:${notice.worklogId}`;
  if (await ports.store.read<NoticeSentDoc>('worklogs', pk, sentId)) return;
  const doc = await readWorklog(ports.store, notice.orgId, notice.userId, notice.worklogId);
  if (!doc) return; // The user deleted the worklog before the notice went out.
  const worklog = fromDoc(doc);
  const org = await loadOrganizationById(ports, notice.orgId);
  const { workItemId } = worklog;
  const names = workItemId !== null && org ? await workItemNames(ports, { orgId: notice.orgId, orgName: org.name }, [workItemId]) : undefined;
  const workItemTitle = workItemId !== null ? (names?.get(workItemId)?.title ?? null) : null;
  const targetName = worklog.targetId ? ((await targetsOf(ports.store, notice.orgId)).find((t) => t.id === worklog.targetId)?.name ?? null) : null;
  await ports.mailer.send({ ...stopNoticeMail(worklog, { workItemTitle, targetName }, appBaseUrl), orgId: notice.orgId });
  try {
    await ports.store.create<NoticeSentDoc>('worklogs', {
      id: sentId, pk, type: 'noticeSent', schemaVersion: 1, sentTimestamp: ports.clock.now().toISOString(), ttl: 90 * 86_400,
    });
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
  }
}
