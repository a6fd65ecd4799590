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
import { readsAllBudgets } from './reads-everyone.js';

/** A budget over this work item: its own, the one it inherits, or one further up. */
interface CoveringBudget {
  source: 'direct' | 'inherited' | 'above';
  workItem: { id: number; title: string; type: string };
  budget: BudgetView;
}

/** Not for the caller's eyes (their role changed meanwhile), or not a work item Timehub can read: nothing to show. */
function unlessHidden(error: unknown): undefined {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return undefined;
  throw error;
}

/**
 * The budgets of the item and of its ancestors that the caller may see, nearest first;
 * undefined when none may be shown. A Member sees them on the items they tracked, and
 * only the budgets the list shows them, so the tab never asks for what it would be refused.
 */
async function loadBudgets(api: TimehubApi, workItemId: number): Promise<{ budgets: CoveringBudget[]; thresholds: number[] } | undefined> {
  const readsAll = readsAllBudgets(await api.session());
  if (!readsAll && (await api.myWorklogs({ workItemIds: [workItemId], count: 1 })).length === 0) return undefined;
  const [status, thresholds] = await Promise.all([api.budgets.status(workItemId).catch(unlessHidden), api.budgets.thresholds()]);
  if (!status) return undefined;
  const own = status.budgets.find((budget) => budget.workItemId === workItemId);
  const wanted = status.ancestors.filter((ancestor) => ancestor.budgetId !== null);
  const visible = readsAll
    ? await Promise.all(wanted.map((ancestor) => api.budgets.get(ancestor.budgetId!).catch(unlessHidden)))
    : await api.budgets.list().then((list) => wanted.map((ancestor) => list.find((budget) => budget.id === ancestor.budgetId)));
  const budgets: CoveringBudget[] = own ? [{ source: 'direct', workItem: status.items[0]!, budget: own }] : [];
  wanted.forEach((ancestor, index) => {
    const budget = visible[index];
    // The nearest budget above covers this item when it has none of its own; the others cover its ancestors.
    if (budget) budgets.push({ source: status.inheritedFrom?.id === budget.id ? 'inherited' : 'above', workItem: ancestor, budget });
  });
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
