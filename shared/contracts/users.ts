import { z } from 'zod';
import { queryBoolean, queryInt } from './common.js';

/** 7pace's `users` parameters; `$expand=user.displayName` is accepted, and displayName is always sent. */
export const usersQuery = z.strictObject({
  $count: queryInt(1, 500).optional(),
  $skip: queryInt(0, 1_000_000).optional(),
  $expand: z.string().max(200).optional(),
  readableTime: queryBoolean.optional().describe("Timehub's own: true lists only the users whose time the caller may read (a Team lead's teams, everyone for managers, a Member alone)"),
});
export type UsersQuery = z.infer<typeof usersQuery>;
