import { z } from 'zod';

/** Uninstalling is destructive: the caller types the organization's name, as Azure DevOps asks for deletes. */
export const uninstallBody = z.strictObject({
  confirm: z.string().min(1).max(200).describe("the organization's name, to confirm"),
  dryRun: z.boolean().optional().describe('report what would happen, change nothing'),
});
export type UninstallInput = z.infer<typeof uninstallBody>;
