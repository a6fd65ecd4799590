import type { UserRef } from '../domain/worklog.js';
import type { Mail } from '../ports/mailer.js';
import { workItemLabel } from '../work-items/work-item-names.js';
import type { BudgetDoc } from './budget-docs.js';
import type { BudgetNotice } from './budget-thresholds.js';

const hours = (seconds: number) => `${(seconds / 3600).toFixed(1)} h`;
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The email telling a budget's manager that it reached a threshold. */
export function budgetNoticeMail(budget: BudgetDoc, workItemTitle: string | null, notice: BudgetNotice, to: UserRef, appBaseUrl: string): Mail {
  const used = Math.round((notice.tracked / notice.planned) * 100);
  const link = `${appBaseUrl.replace(/\/$/, '')}/#/budgets?workItem=${budget.workItemId}`;
  const lines = [
    `Hello ${to.name},`,
    '',
    `The budget "${budget.name}" on work item ${workItemLabel(budget.workItemId, workItemTitle)} has reached ${notice.threshold}%: ${used}% used.`,
    `Tracked: ${hours(notice.tracked)} of ${hours(notice.planned)} planned.`,
    '',
    `See it in Timehub: ${link}`,
  ];
  return {
    id: `budget-notice-${budget.budgetId}-${notice.threshold}-${notice.planned}-${to.id}`,
    to: to.uniqueName,
    subject: `Budget "${budget.name}" reached ${notice.threshold}%`,
    text: lines.join('\n'),
    html: `<p>${lines.filter(Boolean).slice(0, -1).map(escape).join('<br>')}</p><p><a href="${escape(link)}">See the budget in Timehub</a></p>`,
  };
}
