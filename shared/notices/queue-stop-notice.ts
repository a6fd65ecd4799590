import { z } from 'zod';
import { loadOrganizationById } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readUserSettings } from '../settings/user-settings.js';

export const stopNoticeMessage = z.object({ orgId: z.string(), userId: z.string(), worklogId: z.string() });

/**
 * Queues the email about a tracker the server stopped, when the org and the user want
 * it. The message id is the worklog's, so queuing it again is recognised as a duplicate.
 */
export async function queueStopNotice(ports: Pick<Ports, 'store' | 'queue'>, orgId: string, userId: string, worklogId: string) {
  const org = await loadOrganizationById(ports, orgId);
  if (org?.trackingPolicy && !org.trackingPolicy.emailNotifications) return;
  if (!(await readUserSettings(ports, orgId, userId)).emailNotificationsOnTracking) return;
  await ports.queue.send('email-notices', { messageId: `notice:${worklogId}`, body: { orgId, userId, worklogId } });
}
