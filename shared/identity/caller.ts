import type { UserRef } from '../domain/worklog.js';

export type Role = 'admin';

/** Who is calling, as proven by a session or an API token. The org never comes from input. */
export interface Caller {
  orgId: string;
  orgName: string;
  user: UserRef;
  roles: Role[];
}

export const isAdmin = (caller: Caller) => caller.roles.includes('admin');
