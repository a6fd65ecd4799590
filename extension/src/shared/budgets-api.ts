import type { z } from 'zod';
import type { BudgetView, budgetPatchBody, newBudgetBody } from '../../../shared/contracts/budgets.js';
import type { budgetStatus } from '../../../shared/budgets/read-budgets.js';
import type { searchWorkItems } from '../../../shared/work-items/search-work-items.js';
import type { ApiClient } from './api-client.js';

export type { BudgetTreeItem, BudgetView } from '../../../shared/contracts/budgets.js';
/** GET /rest/budgets/status: a subtree with each item's budget source and time, the budgets in it, the root's ancestors. */
export type BudgetStatusView = Awaited<ReturnType<typeof budgetStatus>>;
export type WorkItemSummary = Awaited<ReturnType<typeof searchWorkItems>>[number];
export type NewBudgetRequest = z.input<typeof newBudgetBody>;
export type BudgetPatchRequest = z.input<typeof budgetPatchBody>;

/** Budgets over the work item hierarchy, their settings, and the work item search their form picks from. */
export function budgetsApi({ request }: ApiClient) {
  return {
    list: () => request<BudgetView[]>('GET', '/rest/budgets'),
    get: (id: string) => request<BudgetView>('GET', `/rest/budgets/${encodeURIComponent(id)}`),
    status: (workItemId: number) => request<BudgetStatusView>('GET', `/rest/budgets/status?workItemId=${workItemId}`),
    /** The status of each top budget the caller may see, with its whole subtree. */
    trees: () => request<BudgetStatusView[]>('GET', '/rest/budgets/trees'),
    create: (input: NewBudgetRequest) => request<BudgetView>('POST', '/rest/budgets', input),
    update: (id: string, patch: BudgetPatchRequest) => request<BudgetView>('PATCH', `/rest/budgets/${encodeURIComponent(id)}`, patch),
    remove: (id: string) => request<null>('DELETE', `/rest/budgets/${encodeURIComponent(id)}`),
    thresholds: async () => (await request<{ thresholds: number[] }>('GET', '/settings/budgets')).thresholds,
    searchWorkItems: (text: string) => request<WorkItemSummary[]>('GET', `/workItems/search?q=${encodeURIComponent(text)}&$top=10`),
  };
}
