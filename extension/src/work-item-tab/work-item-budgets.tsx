import { Card } from 'azure-devops-ui/Card';
import { useEffect } from 'react';
import { ApiError } from '../shared/api-error.js';
import { useApi } from '../shared/api-context.js';
import { BudgetBar } from '../shared/budget-bar.js';
import type { BudgetView } from '../shared/budgets-api.js';
import { ErrorCard, Loading } from '../shared/status-views.js';
import type { TimehubApi } from '../shared/timehub-api.js';
import { onTrackingChanged } from '../shared/tracking/tracking-events.js';
import { useAsync } from '../shared/use-async.js';

/** A budget over this work item: its own, the one it inherits, or one further up. */
interface CoveringBudget {
  source: 'direct' | 'inherited' | 'above';
  workItem: { id: number; title: string; type: string };
  budget: BudgetView;
}

/** Not for the caller's eyes (a Member who tracked nothing here), or not a work item Timehub can read. */
const hidden = (error: unknown) => error instanceof ApiError && (error.status === 403 || error.status === 404);

/** The budgets of the item and of its ancestors that the caller may see, nearest first; undefined when none may be shown. */
async function loadBudgets(api: TimehubApi, workItemId: number): Promise<{ budgets: CoveringBudget[]; thresholds: number[] } | undefined> {
  const [status, thresholds] = await Promise.all([api.budgets.status(workItemId).catch((error: unknown) => {
    if (hidden(error)) return undefined;
    throw error;
  }), api.budgets.thresholds()]);
  if (!status) return undefined;
  const self = status.items[0]!;
  const own = status.budgets.find((budget) => budget.workItemId === workItemId);
  const above = await Promise.all(status.ancestors.filter((a) => a.budgetId !== null).map(async (ancestor) => {
    const budget = await api.budgets.get(ancestor.budgetId!).catch((error: unknown) => {
      if (hidden(error)) return undefined;
      throw error;
    });
    return budget && { workItem: ancestor, budget };
  }));
  const budgets: CoveringBudget[] = own ? [{ source: 'direct', workItem: self, budget: own }] : [];
  for (const entry of above) {
    // The nearest budget above covers this item when it has none of its own; the others cover its ancestors.
    if (entry) budgets.push({ source: status.inheritedFrom?.id === entry.budget.id ? 'inherited' : 'above', ...entry });
  }
  return { budgets, thresholds };
}

const sourceLabel = ({ source, workItem }: CoveringBudget) =>
  source === 'direct' ? 'This work item’s budget'
    : source === 'inherited' ? `Inherited from ${workItem.type} #${workItem.id} ${workItem.title}`
      : `Above it, on ${workItem.type} #${workItem.id} ${workItem.title}`;

/** The tab's budget card: how much of each budget over this item is used (hidden when the caller may see none). */
export function WorkItemBudgets({ workItemId, revision }: { workItemId: number; revision: number }) {
  const api = useApi();
  const { state, reload } = useAsync(() => loadBudgets(api, workItemId), [api, workItemId, revision]);
  useEffect(() => onTrackingChanged(reload), [reload]);
  if (state.status === 'failed') return <ErrorCard error={state.error} what="the budgets of this work item" onRetry={reload} />;
  if (!state.data) return state.status === 'loading' ? <Loading label="Loading the budgets…" /> : null;
  const { budgets, thresholds } = state.data;
  return (
    <Card className="th-section" titleProps={{ text: 'Budgets' }}>
      <div className="flex-column flex-grow th-stack" data-testid="work-item-budgets">
        {budgets.length === 0 && <div className="th-muted" data-testid="no-budget">No budget covers this work item.</div>}
        {budgets.map((entry) => (
          <div key={entry.budget.id} data-testid="work-item-budget" data-source={entry.source} data-budget-id={entry.budget.id}>
            <div className="flex-row flex-center th-gap">
              <span className="font-weight-semibold">{entry.budget.name}</span>
              <span className="th-muted" data-testid="budget-source">{sourceLabel(entry)}</span>
            </div>
            <BudgetBar budget={entry.budget} thresholds={thresholds} />
          </div>
        ))}
      </div>
    </Card>
  );
}
