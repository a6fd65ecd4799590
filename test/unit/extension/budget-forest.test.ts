import { describe, expect, it } from 'vitest';
import { budgetState } from '../../../extension/src/shared/budget-state.js';
import type { BudgetStatusView, BudgetTreeItem, BudgetView } from '../../../extension/src/shared/budgets-api.js';
import { budgetForest, openAtFirst, subtreeIds, visibleRows } from '../../../extension/src/time-hub/budgets/budget-forest.js';

const budget = (id: string, workItemId: number): BudgetView => ({
  id, workItemId, name: id, comment: '', planned: 3600, plannedBillable: null, isClosed: false, closedTimestamp: null,
  createdTimestamp: '2026-11-01T00:00:00Z', createdBy: { id: 'u', name: 'U' }, status: { tracked: 0, billableTracked: 0, remaining: 3600, usedPercent: 0 },
});
const item = (id: number, parentId: number | null, budgetSource: BudgetTreeItem['budgetSource'], budgetId: string | null): BudgetTreeItem => ({
  id, parentId, budgetSource, budgetId, title: `item ${id}`, type: 'Task', state: 'Active',
  trackedItself: 0, trackedItselfBillable: 0, trackedTotal: 0, trackedTotalBillable: 0,
});
const epic = budget('epic', 1);
const story = budget('story', 5);
// Epic 1 > feature 2 > story 5 > task 10; epic 1 > feature 3.
const epicStatus: BudgetStatusView = {
  workItemId: 1, inheritedFrom: null, ancestors: [], budgets: [epic, story],
  items: [item(1, null, 'direct', 'epic'), item(2, 1, 'inherited', 'epic'), item(3, 1, 'inherited', 'epic'), item(5, 2, 'direct', 'story'), item(10, 5, 'inherited', 'story')],
};
const storyStatus: BudgetStatusView = {
  workItemId: 5, inheritedFrom: null, budgets: [story], items: [item(5, 2, 'direct', 'story'), item(10, 5, 'inherited', 'story')],
  ancestors: [{ id: 2, title: 'item 2', type: 'Feature', budgetId: null }, { id: 1, title: 'item 1', type: 'Epic', budgetId: 'epic' }],
};

describe('the budgets as trees', () => {
  it('roots_a_tree_at_each_budget_with_no_visible_budget_above_and_nests_the_others', () => {
    const [root, ...others] = budgetForest([epic, story], new Map([[1, epicStatus], [5, storyStatus]]));
    expect(others).toEqual([]);
    expect(root!.budget).toBe(epic);
    const storyNode = root!.children[0]!.children[0]!;
    expect(storyNode.budget).toBe(story);
    expect(storyNode.children[0]!.coveredBy).toBe(story);
    expect(subtreeIds(root!)).toEqual([1, 2, 5, 10, 3]);
  });

  it('roots_a_budget_at_its_own_item_when_the_one_above_is_not_shown_to_the_caller', () => {
    const roots = budgetForest([story], new Map([[5, storyStatus]]));
    expect(roots.map((root) => root.item.id)).toEqual([5]);
  });

  it('opens_the_way_down_to_every_budget_and_each_budget_itself_at_first', () => {
    const roots = budgetForest([epic, story], new Map([[1, epicStatus]]));
    const open = openAtFirst(roots);
    expect([...open].sort((a, b) => a - b)).toEqual([1, 2, 5]);
    expect(visibleRows(roots, open).map(({ node, depth }) => [node.item.id, depth])).toEqual([[1, 0], [2, 1], [5, 2], [10, 3], [3, 1]]);
    expect(visibleRows(roots, new Set([1])).map(({ node }) => node.item.id)).toEqual([1, 2, 3]);
  });
});

describe('the state of a budget bar', () => {
  it('is_over_past_100_percent_a_warning_from_the_highest_threshold_below_it_and_ok_before', () => {
    expect(budgetState(100.1, [80, 100])).toBe('over');
    expect(budgetState(100, [80, 100])).toBe('warning');
    expect(budgetState(80, [80, 100])).toBe('warning');
    expect(budgetState(79.9, [80, 100])).toBe('ok');
    expect(budgetState(95, [100])).toBe('ok');
    expect(budgetState(null, [80, 100])).toBe('ok');
  });
});
