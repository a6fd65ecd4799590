import { idParam } from '../../contracts/common.js';
import { budgetPatchBody, budgetSettingsBody, budgetStatusQuery, newBudgetBody } from '../../contracts/budgets.js';
import { recentWorkItemsQuery, workItemSearchQuery } from '../../contracts/work-items.js';
import { createBudget, deleteBudget, updateBudget } from '../../budgets/manage-budgets.js';
import { budgetStatus, budgetTrees, getBudgetView, listBudgetViews } from '../../budgets/read-budgets.js';
import { readBudgetSettings, writeBudgetSettings } from '../../budgets/budget-settings.js';
import { recentWorkItems, searchWorkItems } from '../../work-items/search-work-items.js';
import { defineRoute } from '../route.js';

const tag = 'Budgets';
const manage = 'budgets:manage' as const;

export const budgetRoutes = [
  defineRoute({
    name: 'listBudgets', method: 'GET', path: '/rest/budgets', access: 'member', tag,
    summary: 'Budgets with their status (planned, tracked, billable tracked, remaining, used %; seconds); Members see those covering work items they tracked',
    handle: ({ app, caller }) => listBudgetViews(app.ports, caller),
  }),
  defineRoute({
    name: 'createBudget', method: 'POST', path: '/rest/budgets', access: 'member', tag, successStatus: 201, permission: manage,
    summary: 'Put a budget on a work item: it covers the item and its descendants down to the next budget (Budget managers, Administrators)',
    body: newBudgetBody,
    handle: ({ app, caller, body }) => createBudget(app.ports, caller, body),
  }),
  defineRoute({
    name: 'budgetStatus', method: 'GET', path: '/rest/budgets/status', access: 'member', tag,
    summary: "A work item's subtree: each item's budget source (direct, inherited, none) and tracked time, the budgets in it with their status",
    query: budgetStatusQuery,
    handle: ({ app, caller, query }) => budgetStatus(app.ports, caller, query.workItemId),
  }),
  defineRoute({
    name: 'budgetTrees', method: 'GET', path: '/rest/budgets/trees', access: 'member', tag,
    summary: 'The status of every top budget the caller may see (one no such budget lies above), each as budgetStatus answers for its work item: what the Budgets tab shows, in one request',
    handle: ({ app, caller }) => budgetTrees(app.ports, caller),
  }),
  defineRoute({
    name: 'getBudget', method: 'GET', path: '/rest/budgets/{id}', access: 'member', tag,
    summary: 'One budget with its status', params: idParam,
    handle: ({ app, caller, params }) => getBudgetView(app.ports, caller, params.id),
  }),
  defineRoute({
    name: 'updateBudget', method: 'PATCH', path: '/rest/budgets/{id}', access: 'member', tag, permission: manage,
    summary: 'Change a budget; raising its planned time re-arms its threshold notices (Budget managers, Administrators)',
    params: idParam, body: budgetPatchBody,
    handle: ({ app, caller, params, body }) => updateBudget(app.ports, caller, params.id, body),
  }),
  defineRoute({
    name: 'deleteBudget', method: 'DELETE', path: '/rest/budgets/{id}', access: 'member', tag, permission: manage,
    summary: 'Remove a budget; its items fall to the next budget above (Budget managers, Administrators)', params: idParam,
    handle: ({ app, caller, params }) => deleteBudget(app.ports, caller, params.id),
  }),
  defineRoute({
    name: 'getBudgetSettings', method: 'GET', path: '/settings/budgets', access: 'member', tag,
    summary: 'The used % at which budget managers get a notice',
    handle: ({ app, caller }) => readBudgetSettings(app.ports, caller),
  }),
  defineRoute({
    name: 'putBudgetSettings', method: 'PUT', path: '/settings/budgets', access: 'admin', tag,
    summary: 'Set the notice thresholds (admins)', body: budgetSettingsBody,
    handle: ({ app, caller, body }) => writeBudgetSettings(app.ports, caller, body),
  }),
  defineRoute({
    name: 'searchWorkItems', method: 'GET', path: '/workItems/search', access: 'member', tag: 'Work items',
    summary: 'Work items by id or by text in their title ($top at most 50)', query: workItemSearchQuery,
    handle: ({ app, caller, query }) => searchWorkItems(app.ports, caller, query.q, query.$top ?? 20),
  }),
  defineRoute({
    name: 'recentWorkItems', method: 'GET', path: '/workItems/recent', access: 'member', tag: 'Work items',
    summary: 'The work items the caller tracked most recently, latest first', query: recentWorkItemsQuery,
    handle: ({ app, caller, query }) => recentWorkItems(app.ports, caller, query.$top ?? 10),
  }),
];
