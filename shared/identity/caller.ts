import type { CallerAccess } from '../domain/roles.js';
import type { UserRef } from '../domain/worklog.js';

/** 'admin': the directory said Project Collection Administrator when the token was issued. */
export type Role = 'admin';

/** Who is calling, as proven by a session or an API token. The org never comes from input. */
export interface Caller {
  orgId: string;
  orgName: string;
  user: UserRef;
  roles: Role[];
  /** The caller's Timehub role, resolved per request from the org's role assignments (shared/roles). */
  access?: CallerAccess;
}

/** An Administrator; outside the HTTP pipeline (no resolved access) a Project Collection Administrator. */
export const isAdmin = (caller: Caller) => (caller.access ? caller.access.role === 'administrator' : caller.roles.includes('admin'));
