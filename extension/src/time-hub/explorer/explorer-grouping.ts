import type { ExplorerRow } from '../../shared/explorer-api.js';
import { dayLabel } from '../../shared/format.js';
import { activityTypeLabel, workItemLabel } from './worklog-labels.js';

export const GROUPINGS = [
  { id: 'none', text: 'No grouping' },
  { id: 'user', text: 'User' },
  { id: 'workItem', text: 'Work item' },
  { id: 'activityType', text: 'Activity type' },
  { id: 'day', text: 'Day' },
] as const;
export type Grouping = (typeof GROUPINGS)[number]['id'];

export interface GroupHeader {
  kind: 'group';
  key: string;
  label: string;
  count: number;
  length: number;
  billableLength: number;
}
export type GridItem = GroupHeader | { kind: 'row'; row: ExplorerRow };

function groupOf(grouping: Exclude<Grouping, 'none'>, row: ExplorerRow): [key: string, label: string] {
  switch (grouping) {
    case 'user': return [row.userId, row.user.name];
    case 'workItem': return [String(row.workItem?.id ?? ''), workItemLabel(row)];
    case 'activityType': return [row.activityType?.id ?? '', activityTypeLabel(row)];
    case 'day': return [row.localDay, dayLabel(row.localDay)];
  }
}

/**
 * The loaded rows under a header per group with its subtotal. Days keep the grid's order;
 * other groups go by name. Within a group, rows keep the server's order.
 */
export function groupRows(rows: readonly ExplorerRow[], grouping: Grouping): GridItem[] {
  if (grouping === 'none') return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { header: GroupHeader; rows: ExplorerRow[] }>();
  for (const row of rows) {
    const [key, label] = groupOf(grouping, row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { header: { kind: 'group', key, label, count: 0, length: 0, billableLength: 0 }, rows: [] }));
    group.header.count++;
    group.header.length += row.length;
    group.header.billableLength += row.billableLength;
    group.rows.push(row);
  }
  const ordered = [...groups.values()];
  if (grouping !== 'day') ordered.sort((a, b) => a.header.label.localeCompare(b.header.label));
  return ordered.flatMap((group) => [group.header, ...group.rows.map((row) => ({ kind: 'row' as const, row }))]);
}
