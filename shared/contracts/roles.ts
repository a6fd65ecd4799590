import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { queryBoolean, queryInt } from './common.js';

export const userId = z.string().min(1).max(100);
export const roleName = z.enum(ROLES).describe('administrator, budgetManager, productManager, teamLead, member or none');
export const teamName = z.string().trim().min(1).max(100);

export const roleAssignmentBody = z.strictObject({
  userId,
  role: roleName,
  teams: z.array(teamName).max(50).optional().describe('the teams the user belongs to (or leads, as a Team lead); kept when left out'),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentBody>;

/** 7pace's role reference: by id or by name (Team, Administrator, Budget, Product, None; Timehub's names too). */
const sevenPaceRoleRef = z
  .object({ id: z.string().min(1).max(100).optional(), name: z.string().min(1).max(100).optional() })
  .refine((role) => role.id !== undefined || role.name !== undefined, 'give the role by id or by name');

/** One user with a role, in 7pace's `usersWithRolePost`: the user by id, vstsId or email. `teams` is Timehub's own. */
const sevenPaceUserWithRole = z
  .object({
    id: userId.optional(),
    vstsId: userId.optional(),
    email: z.string().min(1).max(320).optional(),
    role: sevenPaceRoleRef,
    teams: z.array(teamName).max(50).optional(),
  })
  .refine((entry) => entry.id !== undefined || entry.vstsId !== undefined || entry.email !== undefined, 'give the user by id, vstsId or email');
export type SevenPaceUserWithRole = z.infer<typeof sevenPaceUserWithRole>;

/** 7pace's body: several assignments; without skipErrors one failure applies none. */
export const sevenPaceRolesBody = z.strictObject({
  skipErrors: z.boolean().optional(),
  users: z.array(sevenPaceUserWithRole).min(1).max(500),
});
export type SevenPaceRolesInput = z.infer<typeof sevenPaceRolesBody>;

/** POST /rest/users/roles takes Timehub's one assignment or 7pace's list. */
export const userRolesBody = z.union([roleAssignmentBody, sevenPaceRolesBody]);

/** 7pace's GET users/roles parameters. */
export const userRolesQuery = z.strictObject({
  includeNoneRoles: queryBoolean.optional().describe('also list users whose role is None'),
  $count: queryInt(1, 500).optional(),
  $skip: queryInt(0, 1_000_000).optional(),
  $expand: z.string().max(200).optional(),
});
export type UserRolesQuery = z.infer<typeof userRolesQuery>;

/** `userId`: whose time a request is about; the caller's own when left out. */
export const subjectQuery = z.strictObject({ userId: userId.optional() });
export type SubjectQuery = z.infer<typeof subjectQuery>;
