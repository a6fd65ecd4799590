import { describe, expect, it } from 'vitest';
import { exportTimeReport } from '../../shared/exports/export-time-report.js';
import { csvRecords, xlsxRecords } from '../support/export-download.js';

const rows = [
  { groups: ['Zoë Ærø', '2025-01-06'], length: 5400, billableLength: 3600, count: 2 },
  { groups: ['Bob, "B"', '2025-01-07'], length: 900, billableLength: 0, count: 1 },
];

async function bytesOf(chunks: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('a time report as a file (the seam for GET /api/exports/reports/time)', () => {
  it('writes one column per grouping and the totals in hours, as CSV', async () => {
    const file = await exportTimeReport('csv', ['user', 'day'], rows);
    expect(file.fileName).toBe('time-report.csv');
    expect(csvRecords(await bytesOf(file.chunks))).toEqual([
      { User: 'Zoë Ærø', Day: '2025-01-06', Hours: '1.5', 'Billable hours': '1', Worklogs: '2' },
      { User: 'Bob, "B"', Day: '2025-01-07', Hours: '0.25', 'Billable hours': '0', Worklogs: '1' },
    ]);
  });

  it('writes days as dates and hours as numbers in XLSX', async () => {
    const [first] = await xlsxRecords(await bytesOf((await exportTimeReport('xlsx', ['user', 'day'], rows)).chunks));
    expect(first).toEqual({ User: 'Zoë Ærø', Day: new Date('2025-01-06T00:00:00Z'), Hours: 1.5, 'Billable hours': 1, Worklogs: 2 });
  });
});
