import fc from 'fast-check';
import { expect, it } from 'vitest';
import { csvField } from '../../shared/exports/write-csv.js';
import { readCsv } from '../support/csv-reader.js';

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const shown = (text: string) => (FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text);

it('writes fields that an RFC 4180 reader reads back as written, whatever quotes, commas and line breaks they hold', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Æ', ' ', '"', ',', '\r', '\n', '=', '-', '@', '\uFF1D', '😀') });
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (fields) => {
      const [row] = readCsv(`${fields.map(csvField).join(',')}\r\n`);
      expect(row).toEqual(fields.map(shown));
    }),
  );
});

it('keeps a spreadsheet from running a text as a formula, and leaves numbers and plain text bare', () => {
  expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  expect(csvField('＠SUM(A1)')).toBe("'＠SUM(A1)");
  expect(csvField('-5 minutes')).toBe("'-5 minutes");
  expect(csvField(-1.5)).toBe('-1.5');
  expect(csvField(0.000278)).toBe('0.000278');
  expect(csvField(null)).toBe('');
  expect(csvField('Ærin Export')).toBe('Ærin Export');
});
