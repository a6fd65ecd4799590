import type { RecomputePreview } from '../../../shared/automation/recompute-work-item.js';
import type { AutomationSettingsInput } from '../../../shared/contracts/automation.js';
import type { ApiClient } from './api-client.js';

export type AutomationSettingsView = AutomationSettingsInput;
export type { RecomputePreview };

/** Writing time back to work items (admins): the settings, one item's recompute, a dead letter's retry. */
export function automationApi({ request }: ApiClient) {
  return {
    settings: () => request<AutomationSettingsView>('GET', '/settings/automation'),
    saveSettings: (settings: AutomationSettingsView) => request<AutomationSettingsView>('PUT', '/settings/automation', settings),
    previewRecompute: (workItemId: number) => request<RecomputePreview>('GET', `/admin/workItems/recompute?workItemId=${workItemId}`),
    applyRecompute: (workItemId: number) => request<RecomputePreview & { queued: boolean }>('POST', '/admin/workItems/recompute', { workItemId }),
    retryDeadLetter: (queue: string, messageId: string) => request<unknown>('POST', '/admin/deadLetters/retry', { queue, messageId }),
  };
}
