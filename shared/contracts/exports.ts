import { z } from 'zod';
import { refineDayRange, timeFilterFields } from './time-filters.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with a BOM, for Excel) or xlsx');
export type ExportFormat = z.infer<typeof exportFormat>;

export const worklogExportQuery = refineDayRange(z.strictObject({ format: exportFormat, ...timeFilterFields }));
export type WorklogExportQuery = z.output<typeof worklogExportQuery>;
