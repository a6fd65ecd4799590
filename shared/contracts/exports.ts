import { z } from 'zod';
import { explorerFilter } from './explorer.js';
import { timeReportFields, timeReportRules } from './reports.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with a BOM, for Excel) or xlsx');
export type ExportFormat = z.infer<typeof exportFormat>;

/** The Times Explorer's filters plus a format: its Export button sends the grid's own query. */
export const worklogExportQuery = explorerFilter
  .extend({ format: exportFormat })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['to'] });
export type WorklogExportQuery = z.infer<typeof worklogExportQuery>;

/** A report's own query plus a format: the Reports page's Export button sends what it shows. */
export const timeReportExportQuery = timeReportRules(timeReportFields.extend({ format: exportFormat }));
export type TimeReportExportQuery = z.infer<typeof timeReportExportQuery>;
