import { z } from 'zod';
import { ROLES } from '../domain/roles.js';

export const userId = z.string().min(1).max(100);
export const roleName = z.enum(ROLES).describe('administrator, budgetManager, productManager, teamLead, member or none');
export const teamName = z.string().trim().min(1).max(100);

export const roleAssignmentBody = z.strictObject({
  userId,
  role: roleName,
  teams: z.array(teamName).max(50).optional().describe('the teams the user belongs to (or leads, as a Team lead); kept when left out'),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentBody>;

/** `userId`: whose time a request is about; the caller's own when left out. */
export const subjectQuery = z.strictObject({ userId: userId.optional() });
export type SubjectQuery = z.infer<typeof subjectQuery>;
