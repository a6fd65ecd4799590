/**
 * Roles after 7pace Timetracker, and what each may do. Permissions are strings
 * `<resource>:<action>[:<scope>]`, the scope being own, team or all.
 */

export const ROLES = ['administrator', 'budgetManager', 'productManager', 'teamLead', 'member', 'none'] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_TITLES: Record<RoleName, string> = {
  administrator: 'Administrator',
  budgetManager: 'Budget manager',
  productManager: 'Product manager',
  teamLead: 'Team lead',
  member: 'Member',
  none: 'None',
};

export type Permission =
  | 'timehub:use'
  | 'worklogs:read:own'
  | 'worklogs:write:own'
  | 'worklogs:read:team'
  | 'worklogs:read:all'
  | 'worklogs:write:all'
  | 'roles:manage'
  | 'org:manage'
  | 'subscription:read'
  | 'subscription:manage'
  | 'budgets:read'
  | 'budgets:manage';

export type Scope = 'own' | 'team' | 'all';

const MEMBER: readonly Permission[] = ['timehub:use', 'worklogs:read:own', 'worklogs:write:own', 'subscription:read'];

/**
 * Reporting roles read everyone's time; only Administrators change other people's time.
 * Budget managers and Administrators manage budgets; Product managers and Team leads read
 * them; Members see those that cover work items they track (shared/budgets/budget-access.ts).
 */
const GRANTS: Record<RoleName, readonly Permission[]> = {
  none: [],
  member: MEMBER,
  teamLead: [...MEMBER, 'worklogs:read:team', 'budgets:read'],
  productManager: [...MEMBER, 'worklogs:read:team', 'worklogs:read:all', 'budgets:read'],
  budgetManager: [...MEMBER, 'worklogs:read:team', 'worklogs:read:all', 'budgets:read', 'budgets:manage'],
  administrator: [...MEMBER, 'worklogs:read:team', 'worklogs:read:all', 'worklogs:write:all', 'roles:manage', 'org:manage', 'budgets:read', 'budgets:manage'],
};

/** What the caller may do in their org, resolved per request from the org's role assignments. */
export interface CallerAccess {
  role: RoleName;
  /** Teams the user belongs to (or leads, as a Team lead). */
  teams: readonly string[];
  /** Project Collection Administrators are billing admins. */
  billingAdmin: boolean;
}

/** Project Collection Administrators are always Administrators; everyone else defaults to Member. */
export function effectiveRole(assigned: RoleName | null | undefined, isCollectionAdmin: boolean): RoleName {
  return isCollectionAdmin ? 'administrator' : (assigned ?? 'member');
}

export function permissionsOf(access: CallerAccess): Permission[] {
  return [...GRANTS[access.role], ...(access.billingAdmin ? (['subscription:manage'] as const) : [])];
}

export const can = (access: CallerAccess, permission: Permission) => permissionsOf(access).includes(permission);

/** The widest scope the caller has for reading or writing time; null when none. */
export function scopeOf(access: CallerAccess, action: 'read' | 'write'): Scope | null {
  const scopes: Scope[] = ['all', 'team', 'own'];
  return scopes.find((scope) => can(access, `worklogs:${action}:${scope}` as Permission)) ?? null;
}

export const sharesTeam = (a: readonly string[], b: readonly string[]) => a.some((team) => b.includes(team));

/** The roles that grant `permission`, from the most to the least powerful. */
export function rolesGranting(permission: Permission): RoleName[] {
  return ROLES.filter((role) => GRANTS[role].includes(permission));
}

/** A 403 message naming what is needed, e.g. "this needs the Administrator role; you are a Member". */
export function deniedMessage(permission: Permission, access: CallerAccess, what = 'this'): string {
  const yours = `you are ${article(ROLE_TITLES[access.role])}`;
  if (permission === 'subscription:manage') {
    return `${what} needs a billing admin (a Project Collection Administrator of the organization); ${yours}`;
  }
  const titles = rolesGranting(permission).reverse().map((role) => ROLE_TITLES[role]);
  const needed = titles.length === 1 ? `the ${titles[0]} role` : `the role ${titles.slice(0, -1).join(', ')} or ${titles.at(-1)}`;
  return `${what} needs ${needed}; ${yours}`;
}

function article(title: string) {
  return /^[AEIOU]/.test(title) ? `an ${title}` : `a ${title}`;
}
