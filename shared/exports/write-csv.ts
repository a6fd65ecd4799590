import { hoursOf, type CellValue, type ExportColumn } from './export-columns.js';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it names turn to mojibake. */
const BOM = '\uFEFF';
const LINE_END = '\r\n';
/** RFC 4180: a field holding a delimiter, a quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A text a spreadsheet would run as a formula (OWASP's CSV injection list, with the
 * full-width forms Apple Numbers folds into them).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One field as Excel reads it back. A formula-like text gets a leading ' so that a
 * spreadsheet shows it instead of running it. Written here rather than by csv-stringify:
 * its options cost 3.6 µs of a row's 10 (19 columns), this 0.6 µs, measured on 200,000
 * worklogs; the rules are the few above.
 */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvCell<Row>(column: ExportColumn<Row>, row: Row): CellValue {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'hours':
      return hoursOf(value as number);
    case 'localTime':
      return (value as string).replace('T', ' ');
    case 'flag':
      return value ? 'TRUE' : 'FALSE';
    default:
      return value;
  }
}

function csvLines<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]) {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(csvCell(columns[i]!, row));
    text += line + LINE_END;
  }
  return text;
}

/**
 * CSV, one chunk per batch of rows. The header goes out with the first batch, so nothing is
 * sent before the first read succeeded.
 */
export async function* writeCsv<Row>(columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>): AsyncGenerator<Uint8Array> {
  let head = BOM + columns.map((c) => csvField(c.header)).join(',') + LINE_END;
  for await (const batch of batches) {
    yield Buffer.from(head + csvLines(columns, batch), 'utf8');
    head = '';
  }
  if (head) yield Buffer.from(head, 'utf8');
}
