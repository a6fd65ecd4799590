import { loadOrganizationById } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import type { DeliveredMessage } from '../ports/message-queue.js';
import { readAutomationSettings } from './automation-settings.js';
import { syncWorkItem } from './sync-work-item.js';
import { workItemMessage } from './work-item-messages.js';
import { WORK_ITEM_QUEUE } from './work-item-outbox.js';

/**
 * The `work-item-updates` handler. Throwing has the queue deliver the message again, and
 * dead-letter it after the last try (admins retry it from Settings). A 429 is not a failure:
 * the same message is scheduled again for when Azure DevOps says. A change that waits for
 * another update of its item is counted at once and written by that update.
 */
export async function handleWorkItemMessage(ports: Ports, message: DeliveredMessage): Promise<void> {
  const parsed = workItemMessage.safeParse(message.body);
  if (!parsed.success) throw new TypeError(`work item message ${message.messageId} is malformed: ${parsed.error.message}`);
  const body = parsed.data;
  const settings = await readAutomationSettings(ports.store, body.orgId);
  const org = await loadOrganizationById(ports, body.orgId);
  // Turned off, or uninstalled, since the change: nothing is written.
  if (!settings.enabled || !org || org.installState !== 'installed') return;
  const outcome = await syncWorkItem({ ports, orgName: org.name, settings, message: body });
  if (typeof outcome !== 'object') return;
  if ('throttledSeconds' in outcome) {
    const at = new Date(ports.clock.now().getTime() + outcome.throttledSeconds * 1000);
    await ports.queue.schedule(WORK_ITEM_QUEUE, { messageId: `retry:${at.getTime()}:${message.messageId}`.slice(0, 128), body }, at);
  } else {
    // One look per update in flight, however many changes waited on it (duplicate detection).
    const look = { kind: 'workItemSync' as const, orgId: body.orgId, workItemId: body.workItemId };
    await ports.queue.schedule(WORK_ITEM_QUEUE, { messageId: `settle:${body.orgId}:${body.workItemId}:${outcome.waitUntil.getTime()}`, body: look }, outcome.waitUntil);
  }
}
