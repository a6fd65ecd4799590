import { can, type CallerAccess } from '../../../../shared/domain/roles.js';
import { isAdministrator, type SessionView } from '../../shared/api-types.js';

/** Budget managers and Administrators create, change and delete budgets (the server refuses everyone else anyway). */
export function managesBudgets(session: SessionView): boolean {
  const access: CallerAccess = {
    role: session.role ?? (isAdministrator(session) ? 'administrator' : 'member'),
    teams: session.teams ?? [],
    billingAdmin: session.isBillingAdmin ?? false,
  };
  return can(access, 'budgets:manage');
}
