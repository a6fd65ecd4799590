import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellKind, CellValue, ExportColumn } from './export-columns.js';
import { paceSheet } from './pace-sheet.js';

const NUMBER_FORMATS: Partial<Record<CellKind, string>> = { hours: '0.00', day: 'yyyy-mm-dd', localTime: 'yyyy-mm-dd hh:mm:ss' };

/** Dates are written as the wall clock read in UTC: Excel has no zones, and exceljs converts from UTC. */
function xlsxCell<Row>(column: ExportColumn<Row>, row: Row): CellValue | Date {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'hours':
      return (value as number) / 3600;
    case 'day':
      return new Date(`${value as string}T00:00:00Z`);
    case 'localTime':
      return new Date(`${value as string}Z`);
    default:
      return value;
  }
}

async function writeWorkbook<Row>(columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>, out: PassThrough, stop: AbortSignal) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Export', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14, style: { numFmt: NUMBER_FORMATS[c.kind] } }));
  sheet.getRow(1).font = { bold: true };
  // One style object per column, shared by its cells: exceljs gives each new cell a style
  // object of its own and then serialises it to find its id, a fifth of an export's time;
  // a style object it has seen before it finds by identity.
  const styles = columns.map((c) => ({ numFmt: NUMBER_FORMATS[c.kind] }));
  for await (const batch of batches) {
    for (const row of batch) {
      const added = sheet.addRow(columns.map((c) => xlsxCell(c, row)));
      styles.forEach((style, i) => (added.getCell(i + 1).style = style));
      added.commit();
    }
    await paceSheet(sheet, stop);
    if (stop.aborted) return;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * XLSX through exceljs' streaming writer: each row is committed (and forgotten) as it is
 * added, and the zip goes out as it is compressed. When the reader of the chunks stops,
 * the rows are no longer read.
 */
export async function* writeXlsx<Row>(columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const stop = new AbortController();
  const written = writeWorkbook(columns, batches, out, stop.signal).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    for await (const chunk of out) yield chunk as Buffer;
  } finally {
    // Not awaited: a workbook cut off mid-commit may never settle. The writer stops after the read in flight.
    stop.abort();
    out.destroy();
    void written;
  }
}

