import type { ExportFormat } from '../contracts/exports.js';
import type { CellKind, ExportColumn } from './export-columns.js';
import { exportFile, type ExportFile } from './export-file.js';

/**
 * One row of a time report as its export needs it: a label per grouping (in `groupBy`
 * order: a user's name, a work item id, a day YYYY-MM-DD, ...) and the row's totals.
 * The seam for `GET /api/exports/reports/time`: the reports use case maps its rows to this.
 */
export interface TimeReportExportRow {
  groups: readonly (string | number | null)[];
  length: number;
  billableLength: number;
  count: number;
  /** Grouped by work item: its title and type, when the work item cache knows them. */
  workItemTitle?: string | null;
  workItemType?: string | null;
}

const GROUP_KINDS: Record<string, CellKind> = { day: 'day', workItem: 'integer' };
const titled = (dimension: string) => dimension.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export function timeReportColumns(groupBy: readonly string[]): ExportColumn<TimeReportExportRow>[] {
  const groups = groupBy.flatMap((dimension, i): ExportColumn<TimeReportExportRow>[] => {
    const group: ExportColumn<TimeReportExportRow> = { header: titled(dimension), kind: GROUP_KINDS[dimension] ?? 'text', value: (row) => row.groups[i] ?? null, width: 24 };
    if (dimension !== 'workItem') return [group];
    return [
      { ...group, width: 10 },
      { header: 'Work item title', kind: 'text', value: (row) => row.workItemTitle ?? null, width: 40 },
      { header: 'Work item type', kind: 'text', value: (row) => row.workItemType ?? null, width: 14 },
    ];
  });
  return [
    ...groups,
    { header: 'Hours', kind: 'hours', value: (row) => row.length, width: 10 },
    { header: 'Billable hours', kind: 'hours', value: (row) => row.billableLength, width: 10 },
    { header: 'Worklogs', kind: 'integer', value: (row) => row.count, width: 10 },
  ];
}

/** A report's rows (already read from rollups: a report is small) as a CSV or XLSX file. */
export function exportTimeReport(format: ExportFormat, groupBy: readonly string[], rows: readonly TimeReportExportRow[], baseName = 'time-report'): Promise<ExportFile> {
  async function* oneBatch() {
    yield rows;
  }
  return exportFile(format, baseName, timeReportColumns(groupBy), oneBatch());
}
