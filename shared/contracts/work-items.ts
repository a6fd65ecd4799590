import { z } from 'zod';
import { queryInt } from './common.js';

export const workItemSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('a work item id (42 or #42) or text in its title'),
  $top: queryInt(1, 50).optional(),
});

export const recentWorkItemsQuery = z.strictObject({ $top: queryInt(1, 50).optional() });
