import { StoreConflictError, type Document } from '../ports/document-store.js';
import type { DeliveredMessage } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { listOrgUsers } from '../orgs/org-users.js';
import { loadOrganizationById } from '../orgs/organization.js';
import { workItemNames } from '../work-items/work-item-names.js';
import { readBudget } from './budget-docs.js';
import { budgetNoticeMail } from './budget-notice-mail.js';
import { budgetCheckMessage, budgetNoticeMessage, checkBudgetThresholds } from './budget-thresholds.js';

interface NoticeSentDoc extends Document {
  type: 'budgetNoticeSent';
  sentTimestamp: string;
}

/** The email queue also carries budget checks and notices; everything else on it is a stop notice. */
export const isBudgetMessage = (body: unknown) => budgetCheckMessage.safeParse(body).success || budgetNoticeMessage.safeParse(body).success;

export async function handleBudgetMessage(ports: Ports, appBaseUrl: string, message: DeliveredMessage) {
  const check = budgetCheckMessage.safeParse(message.body);
  if (check.success) return checkBudgetThresholds(ports, check.data.orgId);
  return sendBudgetNotice(ports, appBaseUrl, message);
}

/**
 * Mails one threshold notice to the budget's managers: the org's Budget managers and
 * whoever created the budget. A mailer failure throws, so the queue retries and finally
 * dead-letters it; once sent, a redelivery sends nothing.
 */
async function sendBudgetNotice(ports: Ports, appBaseUrl: string, message: DeliveredMessage) {
  const notice = budgetNoticeMessage.parse(message.body);
  const sentId = `sent:${message.messageId}`;
  if (await ports.store.read('orgs', notice.orgId, sentId)) return;
  const budget = await readBudget(ports.store, notice.orgId, notice.budgetId);
  if (!budget) return; // deleted before the notice went out
  const managers = (await listOrgUsers(ports.store, notice.orgId)).filter((user) => user.role === 'budgetManager').map((user) => user.user);
  const org = await loadOrganizationById(ports, notice.orgId);
  const names = org ? await workItemNames(ports, { orgId: notice.orgId, orgName: org.name }, [budget.workItemId]) : new Map();
  const title = names.get(budget.workItemId)?.title ?? null;
  const recipients = new Map([budget.createdBy, ...managers].map((user) => [user.uniqueName.toLowerCase(), user]));
  for (const user of recipients.values()) {
    await ports.mailer.send({ ...budgetNoticeMail(budget, title, notice, user, appBaseUrl), orgId: notice.orgId });
  }
  try {
    await ports.store.create<NoticeSentDoc>('orgs', {
      id: sentId, pk: notice.orgId, type: 'budgetNoticeSent', schemaVersion: 1, sentTimestamp: ports.clock.now().toISOString(), ttl: 90 * 86_400,
    });
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
  }
}
