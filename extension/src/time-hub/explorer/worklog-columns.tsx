import { NOT_SET_ACTIVITY_TYPE_ID } from '../../../../shared/domain/activity-types.js';
import type { TargetView } from '../../../../shared/contracts/targets.js';
import type { ExplorerRow } from '../../shared/explorer-api.js';
import { hoursLabel } from '../../shared/format.js';
import { targetName } from '../../shared/tracking/use-targets.js';
import { activityTypeLabel, workItemLabel } from './worklog-labels.js';

/**
 * The columns a person may show or hide; the start is always there, being what the grid
 * sorts by. Negative widths share the room left (azure-devops-ui's proportional columns).
 */
export const CHOOSABLE_COLUMNS = [
  { id: 'user', name: 'User', width: 140 },
  { id: 'workItem', name: 'Work item', width: -60 },
  { id: 'activityType', name: 'Activity type', width: 130 },
  { id: 'length', name: 'Hours', width: 70 },
  { id: 'billableLength', name: 'Billable', width: 75 },
  { id: 'comment', name: 'Comment', width: -40 },
  { id: 'source', name: 'Source', width: 90 },
  { id: 'edited', name: 'Edited', width: 150 },
] as const;

export type ColumnId = (typeof CHOOSABLE_COLUMNS)[number]['id'];
export const DEFAULT_COLUMNS: readonly ColumnId[] = ['user', 'workItem', 'activityType', 'length', 'billableLength', 'comment'];

/** What a cell of a choosable column shows; time on a target names the target where the work item would be. */
export function cellContent(column: ColumnId, row: ExplorerRow, targets?: readonly TargetView[]) {
  switch (column) {
    case 'user': return row.user.name;
    case 'workItem': return row.workItem === null && row.targetId ? targetName(targets, row.targetId) : workItemLabel(row);
    case 'activityType': return (
      <span className="flex-row th-inline-center">
        {row.activityType && row.activityType.id !== NOT_SET_ACTIVITY_TYPE_ID && <span className="th-type-dot" style={{ backgroundColor: `#${row.activityType.color}` }} />}
        {activityTypeLabel(row)}
      </span>
    );
    case 'length': return hoursLabel(row.length);
    case 'billableLength': return row.flags.isBillable ? hoursLabel(row.billableLength) : <span className="th-muted">–</span>;
    case 'comment': return row.comment ?? '';
    case 'source': return row.flags.isTracked ? 'Tracked' : 'Manual';
    case 'edited': return row.flags.isChanged ? `Edited${row.editedByUser ? ` by ${row.editedByUser.name}` : ''}` : '';
  }
}
