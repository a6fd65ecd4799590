import { stringify, type Options } from 'csv-stringify/sync';
import { hoursOf, type CellValue, type ExportColumn } from './export-columns.js';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it names turn to mojibake. */
const BOM = '\uFEFF';
/**
 * Quotes what needs quoting (delimiters, quotes, line breaks). A text starting with = + - @
 * gets a leading ' so that a spreadsheet shows it instead of running it as a formula.
 */
const OPTIONS: Options = { escape_formulas: true, record_delimiter: 'windows' };

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

/**
 * CSV, one chunk per batch of rows. The header goes out with the first batch, so nothing is
 * sent before the first read succeeded.
 */
export async function* writeCsv<Row>(columns: readonly ExportColumn<Row>[], batches: AsyncIterable<readonly Row[]>): AsyncGenerator<Uint8Array> {
  let head = `${BOM}${stringify([columns.map((c) => c.header)], OPTIONS)}`;
  for await (const batch of batches) {
    const text = stringify(batch.map((row) => columns.map((c) => csvCell(c, row))), OPTIONS);
    yield Buffer.from(head + text, 'utf8');
    head = '';
  }
  if (head) yield Buffer.from(head, 'utf8');
}
