import type { ExportFormat } from '../contracts/exports.js';
import type { ExportColumn } from './export-columns.js';
import { writeCsv } from './write-csv.js';
import { writeXlsx } from './write-xlsx.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file being written: what a route answers as a StreamedFile. */
export interface ExportFile {
  contentType: string;
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Any rows, in batches, as a CSV or XLSX file, written as the batches arrive. Reports and
 * worklogs alike come through here with their own columns.
 */
export function exportFile<Row>(format: ExportFormat, baseName: string, columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>): ExportFile {
  const chunks = format === 'csv' ? writeCsv(columns, batches) : writeXlsx(columns, batches);
  return { contentType: CONTENT_TYPES[format], fileName: `${baseName}.${format}`, chunks };
}
