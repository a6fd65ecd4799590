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

/**
 * A column's writer, chosen once per export rather than once per cell. Times, hours and
 * flags are written in forms of our own that never need quotes or a formula guard.
 */
function csvText<Row>(column: ExportColumn<Row>): (row: Row) => string {
  const { value } = column;
  const unlessEmpty = (write: (value: Exclude<CellValue, null>) => string) => (row: Row) => {
    const cell = value(row);
    return cell === null ? '' : write(cell);
  };
  switch (column.kind) {
    case 'hours':
      return unlessEmpty((seconds) => String(hoursOf(seconds as number)));
    case 'localTime':
      return unlessEmpty((time) => (time as string).replace('T', ' '));
    case 'flag':
      return unlessEmpty((flag) => (flag ? 'TRUE' : 'FALSE'));
    default:
      return (row) => csvField(value(row));
  }
}

function csvLines<Row>(writers: readonly ((row: Row) => string)[], rows: readonly Row[]) {
  let text = '';
  for (const row of rows) {
    let line = writers[0]!(row);
    for (let i = 1; i < writers.length; i++) line += ',' + writers[i]!(row);
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
  const writers = columns.map(csvText);
  for await (const batch of batches) {
    yield Buffer.from(head + csvLines(writers, batch), 'utf8');
    head = '';
  }
  if (head) yield Buffer.from(head, 'utf8');
}
