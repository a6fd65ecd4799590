import { z } from 'zod';
import { colorField, nameField } from './activity-types.js';
import { queryBoolean } from './common.js';

/** A target id as sent in worklogs, trackers and filters. */
export const targetId = z.string().min(1).max(100);

export const newTargetBody = z.strictObject({
  name: nameField,
  color: colorField,
  isBillable: z.boolean().optional().describe('whether time on it is billable unless a worklog says otherwise; left out: not billable'),
});
export type NewTargetInput = z.infer<typeof newTargetBody>;

export const targetPatchBody = z
  .strictObject({ name: nameField.optional(), color: colorField.optional(), isBillable: z.boolean().optional(), isActive: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change');
export type TargetPatchInput = z.infer<typeof targetPatchBody>;

export const targetListQuery = z.strictObject({
  includeInactive: queryBoolean.optional().describe('also the deactivated targets (Administrators)'),
});
export type TargetListQuery = z.infer<typeof targetListQuery>;

/** A target as the API answers it. */
export interface TargetView {
  id: string;
  name: string;
  color: string;
  isBillable: boolean;
  isActive: boolean;
}
