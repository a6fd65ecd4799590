import { describe, expect, it } from 'vitest';
import type { ExplorerRow } from '../../../extension/src/shared/explorer-api.js';
import { groupRows, type GroupHeader } from '../../../extension/src/time-hub/explorer/explorer-grouping.js';

let next = 0;
/** A grid row with only what grouping reads; the rest as the API answers it. */
function aRow(overrides: { user?: string; workItem?: number | null; activityType?: string; day?: string; length?: number; billableLength?: number } = {}): ExplorerRow {
  const user = overrides.user ?? 'Bob';
  const workItem = overrides.workItem === undefined ? 1 : overrides.workItem;
  const length = overrides.length ?? 1800;
  return {
    id: `w${++next}`, userId: `id-${user}`, user: { id: `id-${user}`, name: user }, localDay: overrides.day ?? '2026-11-30',
    workItem: workItem === null ? null : { id: workItem, title: `Item ${workItem}` }, workItemId: workItem,
    activityType: { id: overrides.activityType ?? 'dev', name: overrides.activityType ?? 'Development', color: '0078d4' },
    length, billableLength: overrides.billableLength ?? length,
  } as unknown as ExplorerRow;
}

const headers = (items: ReturnType<typeof groupRows>) => items.filter((i): i is GroupHeader => i.kind === 'group').map(({ label, count, length, billableLength }) => ({ label, count, length, billableLength }));

describe('grouping the loaded rows', () => {
  it('puts_each_group_under_a_header_with_its_subtotal_sorted_by_name', () => {
    const rows = [aRow({ user: 'Carol', length: 3600, billableLength: 0 }), aRow({ user: 'Bob' }), aRow({ user: 'Carol', length: 600 })];
    const items = groupRows(rows, 'user');
    expect(headers(items)).toEqual([
      { label: 'Bob', count: 1, length: 1800, billableLength: 1800 },
      { label: 'Carol', count: 2, length: 4200, billableLength: 600 },
    ]);
    expect(items.map((i) => (i.kind === 'row' ? i.row.id : i.label))).toEqual(['Bob', rows[1]!.id, 'Carol', rows[0]!.id, rows[2]!.id]);
  });

  it('keeps_days_in_the_grids_order_and_names_worklogs_without_a_work_item', () => {
    const items = groupRows([aRow({ day: '2026-11-30' }), aRow({ day: '2026-11-28', workItem: null }), aRow({ day: '2026-11-30' })], 'day');
    expect(headers(items).map((h) => h.count)).toEqual([2, 1]);
    expect(headers(groupRows([aRow({ workItem: null }), aRow({ workItem: 7 })], 'workItem')).map((h) => h.label)).toEqual(['#7 Item 7', 'No work item']);
  });

  it('leaves_the_rows_as_they_are_without_grouping', () => {
    const rows = [aRow(), aRow()];
    expect(groupRows(rows, 'none')).toEqual(rows.map((row) => ({ kind: 'row', row })));
  });
});
