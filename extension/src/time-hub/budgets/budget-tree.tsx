import { Button } from 'azure-devops-ui/Button';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { Fragment, useState } from 'react';
import { BudgetBar } from '../../shared/budget-bar.js';
import type { BudgetView, WorkItemSummary } from '../../shared/budgets-api.js';
import { ConfirmButton } from '../../shared/confirm-button.js';
import { lengthLabel } from '../../shared/format.js';
import { subtreeIds, visibleRows, type BudgetNode } from './budget-forest.js';
import { BudgetWorklogs } from './budget-worklogs.js';

/** What the rows offer those who manage budgets (absent for those who only read them). */
export interface BudgetActions {
  edit: (budget: BudgetView, workItem: WorkItemSummary) => void;
  add: (workItem: WorkItemSummary) => void;
  remove: (budget: BudgetView) => void;
}

/** The budgeted trees as rows: Epic > Feature > Backlog item > Task, each opened and closed by its chevron. */
export function BudgetTree({ roots, open, onToggle, thresholds, actions }: {
  roots: readonly BudgetNode[];
  open: ReadonlySet<number>;
  onToggle: (id: number) => void;
  thresholds: readonly number[];
  actions: BudgetActions | undefined;
}) {
  const [drilled, setDrilled] = useState<number>();
  return (
    <table className="th-budget-table" data-testid="budget-tree">
      <thead>
        <tr>
          <th>Work item</th>
          <th>Budget</th>
          <th className="th-number" title="Time on the item and everything below it">Tracked</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {visibleRows(roots, open).map(({ node, depth }) => (
          <Fragment key={node.item.id}>
            <BudgetRow node={node} depth={depth} isOpen={open.has(node.item.id)} onToggle={onToggle} thresholds={thresholds} actions={actions}
              drilled={drilled === node.item.id} onDrill={() => setDrilled(drilled === node.item.id ? undefined : node.item.id)} />
            {drilled === node.item.id && <tr><td colSpan={4}><BudgetWorklogs workItemIds={subtreeIds(node)} /></td></tr>}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function BudgetRow({ node, depth, isOpen, onToggle, thresholds, actions, drilled, onDrill }: {
  node: BudgetNode;
  depth: number;
  isOpen: boolean;
  onToggle: (id: number) => void;
  thresholds: readonly number[];
  actions: BudgetActions | undefined;
  drilled: boolean;
  onDrill: () => void;
}) {
  const { item, budget, coveredBy } = node;
  return (
    <tr data-testid="budget-row" data-work-item-id={item.id} data-source={item.budgetSource} className={budget ? 'th-budgeted' : undefined}>
      <td className="th-budget-item" style={{ paddingLeft: 8 + depth * 20 }}>
        <span className="flex-row flex-center th-gap">
          {node.children.length > 0
            ? <Button subtle iconProps={{ iconName: isOpen ? 'ChevronDown' : 'ChevronRight' }} ariaLabel={`${isOpen ? 'Collapse' : 'Expand'} #${item.id}`} ariaExpanded={isOpen} onClick={() => onToggle(item.id)} />
            : <span className="th-budget-leaf" />}
          <span className="th-muted th-budget-type">{item.type}</span>
          <span>{`#${item.id} ${item.title}`}</span>
        </span>
      </td>
      <td className="th-budget-cell">
        {budget ? (
          <div data-testid="budget" data-budget-id={budget.id}>
            <div className="flex-row flex-center th-gap">
              <span className="font-weight-semibold" data-testid="budget-name">{budget.name}</span>
              {budget.isClosed && <Pill size={PillSize.compact}>Closed</Pill>}
              {budget.comment && <span className="th-muted">{budget.comment}</span>}
            </div>
            <BudgetBar budget={budget} thresholds={thresholds} />
          </div>
        ) : (
          <span className="th-muted">{coveredBy ? `in “${coveredBy.name}”` : 'no budget'}</span>
        )}
      </td>
      <td className="th-number th-numbers" data-testid="tracked-total">{lengthLabel(item.trackedTotal)}</td>
      <td className="th-budget-actions">
        <span className="flex-row flex-center th-gap">
          <Button subtle text={drilled ? 'Hide worklogs' : 'Worklogs'} onClick={onDrill} />
          {actions && budget && <Button subtle text="Edit" iconProps={{ iconName: 'Edit' }} onClick={() => actions.edit(budget, item)} />}
          {actions && budget && <ConfirmButton text="Delete" question="Delete this budget?" confirmText="Delete" onConfirm={() => actions.remove(budget)} />}
          {actions && !budget && <Button subtle text="Add budget" iconProps={{ iconName: 'Add' }} onClick={() => actions.add(item)} />}
        </span>
      </td>
    </tr>
  );
}
