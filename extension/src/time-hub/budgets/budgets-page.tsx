import { Card } from 'azure-devops-ui/Card';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { BudgetView, WorkItemSummary } from '../../shared/budgets-api.js';
import { ActionError, EmptyState, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSession } from '../../shared/use-session.js';
import { useSubmit } from '../../shared/use-submit.js';
import { managesBudgets } from './budget-access.js';
import { openAtFirst } from './budget-forest.js';
import { BudgetForm, type BudgetFormValues } from './budget-form.js';
import { BudgetTree, type BudgetActions } from './budget-tree.js';
import { loadBudgets } from './load-budgets.js';
import './budgets.css';

type Editing = { kind: 'new'; workItem?: WorkItemSummary } | { kind: 'edit'; budget: BudgetView; workItem: WorkItemSummary };

/** Time → Budgets: the budgeted work items as trees with how much of each budget is used; managers change them here. */
export function BudgetsPage() {
  const session = useSession();
  const api = useApi();
  const { state, reload } = useAsync(() => loadBudgets(api), [api]);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<Editing>();
  const removal = useSubmit();
  const data = state.data;
  const manages = session.data ? managesBudgets(session.data) : false;

  // Every budget in view at first, and again after each reload; a row opened by hand stays open.
  useEffect(() => { if (data) setOpen((previous) => new Set([...previous, ...openAtFirst(data.roots)])); }, [data]);
  const toggle = (id: number) => setOpen((previous) => (previous.has(id) ? new Set([...previous].filter((o) => o !== id)) : new Set([...previous, id])));

  const save = async (values: BudgetFormValues) => {
    if (editing?.kind === 'edit') {
      const { workItemId: _same, ...patch } = values;
      await api.budgets.update(editing.budget.id, patch);
    } else {
      const { isClosed: _new, ...input } = values;
      await api.budgets.create(input);
    }
    setEditing(undefined);
    reload();
  };
  const actions: BudgetActions | undefined = manages ? {
    edit: (budget, workItem) => setEditing({ kind: 'edit', budget, workItem }),
    add: (workItem) => setEditing({ kind: 'new', workItem }),
    remove: (budget) => void removal.submit(async () => { await api.budgets.remove(budget.id); reload(); return `Budget “${budget.name}” deleted.`; }),
  } : undefined;

  return (
    <Card className="th-section" titleProps={{ text: 'Budgets' }}
      headerCommandBarItems={manages ? [{ id: 'new-budget', text: 'New budget', important: true, isPrimary: true, iconProps: { iconName: 'Add' }, onActivate: () => setEditing({ kind: 'new' }) }] : []}>
      <div className="flex-column flex-grow" data-testid="budgets-page">
        {data && (
          <div className="th-muted th-section" data-testid="budget-thresholds">
            {data.thresholds.length > 0
              ? `Budget managers get a notice at ${data.thresholds.map((t) => `${t} %`).join(' and ')} used (the ticks on the bars). Time on an item counts against the nearest budget at or above it.`
              : 'No notices are sent. Time on an item counts against the nearest budget at or above it.'}
          </div>
        )}
        {editing && (
          <BudgetForm key={editing.kind === 'edit' ? editing.budget.id : `new-${editing.workItem?.id ?? ''}`}
            budget={editing.kind === 'edit' ? editing.budget : undefined} workItem={editing.workItem}
            onSave={save} onCancel={() => setEditing(undefined)} />
        )}
        {removal.done && <Notice>{removal.done}</Notice>}
        {removal.error !== undefined && <ActionError error={removal.error} onDismiss={removal.dismissError} />}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the budgets" onRetry={reload} />}
        {state.status === 'loading' && !data && <Loading label="Loading the budgets…" />}
        {data && data.roots.length === 0 && (
          <EmptyState title="No budgets yet">
            {manages ? 'Put planned hours on an epic, a feature or any work item with “New budget”.' : 'Budgets your Budget managers set on work items you track appear here.'}
          </EmptyState>
        )}
        {data && data.roots.length > 0 && <BudgetTree roots={data.roots} open={open} onToggle={toggle} thresholds={data.thresholds} actions={actions} />}
      </div>
    </Card>
  );
}
