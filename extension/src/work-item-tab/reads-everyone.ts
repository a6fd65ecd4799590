import { scopeOf } from '../../../shared/domain/roles.js';
import { isAdministrator, type SessionView } from '../shared/api-types.js';

/** Whether the caller's role reads everyone's time (GET /api/rest/workLogs/all), so as not to ask in vain. */
export function readsEveryone(session: SessionView): boolean {
  if (!session.role) return isAdministrator(session);
  return scopeOf({ role: session.role, teams: session.teams ?? [], billingAdmin: session.isBillingAdmin ?? false }, 'read') === 'all';
}
