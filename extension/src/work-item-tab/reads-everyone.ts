import { can, scopeOf, type CallerAccess } from '../../../shared/domain/roles.js';
import { isAdministrator, type SessionView } from '../shared/api-types.js';

/** Whether the caller's role reads everyone's time (GET /api/rest/workLogs/all), so as not to ask in vain. */
export function readsEveryone(session: SessionView): boolean {
  if (!session.role) return isAdministrator(session);
  return scopeOf(accessOf(session), 'read') === 'all';
}

/** Whether the caller's role reads every budget; Members see only those over work items they tracked. */
export function readsAllBudgets(session: SessionView): boolean {
  return can(accessOf(session), 'budgets:read');
}

const accessOf = (session: SessionView): CallerAccess => ({
  role: session.role ?? (isAdministrator(session) ? 'administrator' : 'member'),
  teams: session.teams ?? [],
  billingAdmin: session.isBillingAdmin ?? false,
});
