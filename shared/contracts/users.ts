import { z } from 'zod';
import { queryInt } from './common.js';

/** 7pace's `users` parameters; `$expand=user.displayName` is accepted, and displayName is always sent. */
export const usersQuery = z.strictObject({
  $count: queryInt(1, 500).optional(),
  $skip: queryInt(0, 1_000_000).optional(),
  $expand: z.string().max(200).optional(),
});
export type UsersQuery = z.infer<typeof usersQuery>;
