/**
 * What a column holds, so that each format writes it as its readers expect: CSV as text
 * Excel recognises, XLSX as typed cells (numbers, dates, booleans).
 * - `hours`: a length in seconds, written as hours
 * - `day`: YYYY-MM-DD; `localTime`: a wall-clock time YYYY-MM-DDTHH:MM:SS, without zone
 */
export type CellKind = 'text' | 'integer' | 'hours' | 'day' | 'localTime' | 'flag';
export type CellValue = string | number | boolean | null;

export interface ExportColumn<Row> {
  header: string;
  kind: CellKind;
  value: (row: Row) => CellValue;
  /** In characters, for XLSX. */
  width?: number;
}

/** Hours to six decimals: a second is 0.000278 h, so sums stay exact to the second. */
export const hoursOf = (seconds: number) => Math.round((seconds / 3600) * 1e6) / 1e6;
