import { can, scopeOf, type CallerAccess } from '../../../../shared/domain/roles.js';
import { isAdministrator, type SessionView } from '../../shared/api-types.js';

/** What the Times Explorer offers the caller, by the same role rules the server applies. */
export function explorerAccess(session: SessionView) {
  const access: CallerAccess = {
    role: session.role ?? (isAdministrator(session) ? 'administrator' : 'member'),
    teams: session.teams ?? [],
    billingAdmin: session.isBillingAdmin ?? false,
  };
  return {
    /** Team leads, managers and Administrators read others' time: they get the user filter. */
    seesOthers: scopeOf(access, 'read') !== 'own',
    /** Only those who may change others' time get bulk actions (the server refuses the rest anyway). */
    mayBulkEdit: can(access, 'worklogs:write:all'),
  };
}
