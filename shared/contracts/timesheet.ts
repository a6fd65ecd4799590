import { z } from 'zod';
import { isoDay } from './common.js';
import { userId } from './roles.js';

export const MAX_TIMESHEET_DAYS = 31;

export const timesheetQuery = z
  .strictObject({ from: isoDay, to: isoDay, userId: userId.optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_TIMESHEET_DAYS, {
    message: `a timesheet spans at most ${MAX_TIMESHEET_DAYS} days`,
    path: ['to'],
  });
export type TimesheetQuery = z.infer<typeof timesheetQuery>;
