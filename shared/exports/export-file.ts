import type { ExportFormat } from '../contracts/exports.js';
import type { ExportColumn } from './export-columns.js';

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
 * worklogs alike come through here with their own columns. The writers load on first use:
 * exceljs alone would outweigh the rest of the functions' start-up code.
 */
export async function exportFile<Row>(format: ExportFormat, baseName: string, columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>): Promise<ExportFile> {
  const chunks = format === 'csv' ? (await import('./write-csv.js')).writeCsv(columns, batches) : (await import('./write-xlsx.js')).writeXlsx(columns, batches);
  return { contentType: CONTENT_TYPES[format], fileName: `${baseName}.${format}`, chunks };
}
