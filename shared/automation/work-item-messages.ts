import { z } from 'zod';

const target = { orgId: z.string().min(1).max(100), workItemId: z.number().int().min(1).max(2_147_483_647) };

/** What the `work-item-updates` queue carries: time to add to one work item, or a nudge to bring it up to date. */
export const workItemMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workItemTime'), ...target, seconds: z.number().int(), changeId: z.string().min(1).max(300) }),
  z.object({ kind: z.literal('workItemSync'), ...target }),
]);
export type WorkItemMessage = z.infer<typeof workItemMessage>;
