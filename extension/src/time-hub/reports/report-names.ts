import { scopeOf } from '../../../../shared/domain/roles.js';
import { isAdministrator, type SessionView } from '../../shared/api-types.js';
import { useApi } from '../../shared/api-context.js';
import { useAsync } from '../../shared/use-async.js';

/** The names a report shows for ids, and the teams its filter offers. */
export interface ReportNames {
  users: Map<string, string>;
  activityTypes: Map<string, string>;
  /** Internal targets; Administrators also get the deactivated ones, which old time may name. */
  targets: Map<string, string>;
  teams: string[];
  /** Whether the caller reads anyone's time but their own: else the people filters are moot. */
  readsOthers: boolean;
}

const readsOthers = (session: SessionView) =>
  isAdministrator(session) || scopeOf({ role: session.role ?? 'member', teams: session.teams ?? [], billingAdmin: false }, 'read') !== 'own';

/**
 * Users, activity types and targets of the org, by id. Teams: the caller's own, and everyone's for
 * Administrators (the roles list is theirs to read).
 */
export function useReportNames() {
  const api = useApi();
  return useAsync(async (): Promise<ReportNames> => {
    const session = await api.session();
    const [users, activityTypes, targets] = await Promise.all([api.users(), api.activityTypes(), api.targets.list(isAdministrator(session))]);
    const teams = new Set(session.teams ?? []);
    if (isAdministrator(session)) for (const assignment of await api.roles()) assignment.teams.forEach((team) => teams.add(team));
    return {
      users: new Map(users.map((user) => [user.id, user.name])),
      activityTypes: new Map(activityTypes.map((type) => [type.id, type.name])),
      targets: new Map(targets.map((target) => [target.id, target.name])),
      teams: [...teams].sort((a, b) => a.localeCompare(b)),
      readsOthers: readsOthers(session),
    };
  }, [api]);
}
