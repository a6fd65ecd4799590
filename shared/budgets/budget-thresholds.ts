import { z } from 'zod';
import { reachedThresholds } from '../domain/budgets.js';
import { loadOrganizationById } from '../orgs/organization.js';
import { StorePreconditionError, type Stored } from '../ports/document-store.js';
import type { MessageQueue } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { listBudgets, readBudget, type BudgetDoc } from './budget-docs.js';
import { readBudgetThresholds } from './budget-settings.js';
import { byWorkItem, evaluateSubtree } from './evaluate-budgets.js';
import { readOrgWorkItemTotals } from './work-item-totals.js';

/** Budget messages ride the email queue: a check (may lead to notices) and a notice to mail. */
export const NOTICE_QUEUE = 'email-notices' as const;
export const budgetCheckMessage = z.object({ kind: z.literal('budgetCheck'), orgId: z.string() });
export const budgetNoticeMessage = z.object({
  kind: z.literal('budgetNotice'), orgId: z.string(), budgetId: z.string(),
  threshold: z.number(), planned: z.number(), tracked: z.number(),
});
export type BudgetNotice = z.infer<typeof budgetNoticeMessage>;

/** Writes of time ask for a check at most this often per org: a notice is at most this late. */
const CHECK_EVERY_MS = 60_000;
/** Per queue (one per process): the minute each org was last looked at. */
const looked = new WeakMap<MessageQueue, Map<string, number>>();

/**
 * After a write of time: at most one check per org and minute, whatever the number of
 * writes, and none for an org without open budgets. The first write of a minute on an
 * instance looks whether the org has an open budget (one query) and, if so, schedules
 * the minute's check; other instances' copies are dropped by the queue (same message id).
 * Every other write of that minute costs one map lookup.
 */
export async function scheduleBudgetCheck(ports: Pick<Ports, 'store' | 'queue' | 'clock'>, orgId: string) {
  const bucket = Math.floor(ports.clock.now().getTime() / CHECK_EVERY_MS) * CHECK_EVERY_MS;
  let seen = looked.get(ports.queue);
  if (!seen) looked.set(ports.queue, (seen = new Map()));
  if (seen.get(orgId) === bucket) return;
  seen.set(orgId, bucket);
  try {
    const [open] = await ports.store.query<BudgetDoc>('orgs', {
      partition: { pk: orgId }, where: [{ field: 'type', op: '=', value: 'budget' }, { field: 'isClosed', op: '=', value: false }], limit: 1,
    });
    if (!open) return;
    const message = { messageId: `budget-check:${orgId}:${bucket}`, body: { kind: 'budgetCheck', orgId } };
    await ports.queue.schedule(NOTICE_QUEUE, message, new Date(bucket + CHECK_EVERY_MS));
  } catch {
    // The time is written: a check missed now is asked for again by the next write.
    seen.delete(orgId);
  }
}

/** A budget was opened here: the next write of the minute looks again. */
export function budgetsChanged(queue: MessageQueue, orgId: string) {
  looked.get(queue)?.delete(orgId);
}

type CheckPorts = Pick<Ports, 'store' | 'directory' | 'clock' | 'queue'>;

/**
 * Announces every threshold an open budget of the org has reached and not announced at
 * its current planned time: one notice per budget and crossing, however many checks run
 * at once (the budget document records it with If-Match; the notice's message id is stable).
 */
export async function checkBudgetThresholds(ports: CheckPorts, orgId: string) {
  budgetsChanged(ports.queue, orgId);
  const budgets = await listBudgets(ports.store, orgId);
  const open = budgets.filter((budget) => !budget.isClosed && budget.planned > 0);
  const org = open.length > 0 ? await loadOrganizationById(ports, orgId) : undefined;
  if (!org) return;
  const [thresholds, own] = await Promise.all([readBudgetThresholds(ports.store, orgId), readOrgWorkItemTotals(ports, orgId)]);
  const byItem = byWorkItem(budgets);
  for (const budget of open) {
    const subtree = await evaluateSubtree(ports, { orgId, orgName: org.name }, budget.workItemId, byItem, own);
    await announce(ports, budget, thresholds, subtree?.tracked.get(budget.workItemId)?.length ?? 0);
  }
}

async function announce(ports: CheckPorts, first: Stored<BudgetDoc>, thresholds: readonly number[], tracked: number) {
  for (let budget: Stored<BudgetDoc> | undefined = first; budget && !budget.isClosed; budget = await readBudget(ports.store, budget.orgId, budget.budgetId)) {
    const { _etag, ...doc } = budget;
    const pending = reachedThresholds(thresholds, tracked, doc.planned)
      .filter((threshold) => !doc.notified.some((entry) => entry.threshold === threshold && entry.planned >= doc.planned));
    const highest = pending.at(-1);
    if (highest === undefined) return;
    const notice: BudgetNotice = { kind: 'budgetNotice', orgId: doc.orgId, budgetId: doc.budgetId, threshold: highest, planned: doc.planned, tracked };
    await ports.queue.send(NOTICE_QUEUE, { messageId: `budget-notice:${doc.budgetId}:${highest}:${doc.planned}`, body: notice });
    const notified = [...doc.notified.filter((entry) => !pending.includes(entry.threshold)), ...pending.map((threshold) => ({ threshold, planned: doc.planned }))];
    try {
      await ports.store.replace('orgs', { ...doc, notified }, _etag);
      return;
    } catch (error) {
      // Another check (or an edit) won: decide again on what it wrote.
      if (!(error instanceof StorePreconditionError)) throw error;
    }
  }
}
