import { z } from 'zod';
import { timeReportQuery } from './reports.js';

/** Enough for every report a person runs each week or month; more is a list nobody reads. */
export const MAX_REPORT_VIEWS = 50;
export const MAX_REPORT_VIEW_NAME = 80;

/**
 * A report's query string as the Reports page writes it (`from=…&to=…&groupBy=user,day`):
 * stored as sent, so the link rebuilt from it reopens the same report, and checked with the
 * report's own schema, so a saved view always opens.
 */
const reportQueryString = z
  .string()
  .min(1)
  .max(10_000)
  .superRefine((text, ctx) => {
    const params = new URLSearchParams(text);
    const keys = [...params.keys()];
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', message: 'name each parameter once' });
      return;
    }
    const parsed = timeReportQuery.safeParse(Object.fromEntries(params));
    for (const issue of parsed.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || 'query'}: ${issue.message}` });
    }
  })
  .describe('the query of GET /reports/time, e.g. from=2026-11-01&to=2026-11-30&groupBy=user,day');

export const newReportViewBody = z.strictObject({
  name: z.string().trim().min(1).max(MAX_REPORT_VIEW_NAME),
  query: reportQueryString,
});
export type NewReportViewInput = z.infer<typeof newReportViewBody>;

export const reportViewIdParam = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a saved view id') });
