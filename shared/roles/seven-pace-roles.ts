import { ROLES, ROLE_TITLES, type RoleName } from '../domain/roles.js';

/** 7pace's role names (7PACE-API.md §2.5); Team lead has none there, so it keeps Timehub's. */
const SEVEN_PACE_NAMES: Record<RoleName, string> = {
  administrator: 'Administrator',
  budgetManager: 'Budget',
  productManager: 'Product',
  teamLead: 'TeamLead',
  member: 'Team',
  none: 'None',
};

/** A role as 7pace's users/roles shows one: `id` is Timehub's role key, `name` 7pace's. */
export const sevenPaceRole = (role: RoleName) => ({ id: role, name: SEVEN_PACE_NAMES[role] });

const squeeze = (text: string) => text.replace(/[\s_-]/g, '').toLowerCase();
const SPELLINGS = new Map<string, RoleName>(
  ROLES.flatMap((role) => [role, SEVEN_PACE_NAMES[role], ROLE_TITLES[role]].map((spelling) => [squeeze(spelling), role] as const)),
);
SPELLINGS.set('teammember', 'member');

/** The role a 7pace reference means (by id or name, any of 7pace's or Timehub's spellings); undefined when none. */
export function roleOfReference(reference: { id?: string; name?: string }): RoleName | undefined {
  return [reference.id, reference.name].flatMap((text) => (text === undefined ? [] : [SPELLINGS.get(squeeze(text))])).find(Boolean);
}
