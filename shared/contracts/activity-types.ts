import { z } from 'zod';

export const nameField = z.string().trim().min(1, 'must not be empty').max(100);
/** `#rrggbb`, or 7pace's `rrggbb` without the `#`; stored with it. */
export const colorField = z
  .string()
  .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a color as #rrggbb or rrggbb')
  .transform((value) => (value.startsWith('#') ? value : `#${value}`));

export const newActivityTypeBody = z.strictObject({ name: nameField, color: colorField, isDefault: z.boolean().optional() });
export type NewActivityTypeInput = z.infer<typeof newActivityTypeBody>;

export const activityTypePatchBody = z.strictObject({
  name: nameField.optional(),
  color: colorField.optional(),
  isDefault: z.boolean().optional(),
  isActive: z.boolean().optional(),
});
export type ActivityTypePatchInput = z.infer<typeof activityTypePatchBody>;
