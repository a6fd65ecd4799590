import { Button } from 'azure-devops-ui/Button';
import { useMemo } from 'react';
import { EARLIEST_DAY, LATEST_DAY } from '../../../../shared/contracts/common.js';
import { lengthLabel } from '../../shared/format.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useExplorerRows } from '../explorer/use-explorer-rows.js';
import { startParts, workItemLabel } from '../explorer/worklog-labels.js';

/** The explorer's filter takes at most this many work items: a larger subtree shows the worklogs of its first ones. */
const MAX_ITEMS = 1_000;

/** The drill-down of a budget row: the worklogs of the item and all below it that the caller may read, newest first. */
export function BudgetWorklogs({ workItemIds }: { workItemIds: readonly number[] }) {
  const filter = useMemo(() => ({
    // All time: a budget counts every worklog on its items, whenever it was.
    from: `${EARLIEST_DAY}T00:00:00Z`,
    to: `${LATEST_DAY}T00:00:00Z`,
    workItemIds: workItemIds.slice(0, MAX_ITEMS),
  }), [workItemIds]);
  const rows = useExplorerRows(filter, '-timestamp');
  return (
    <div className="th-budget-worklogs" data-testid="budget-worklogs">
      {workItemIds.length > MAX_ITEMS && <div className="th-muted">{`The worklogs of the first ${MAX_ITEMS} of ${workItemIds.length} work items.`}</div>}
      {rows.error !== undefined && <ErrorCard error={rows.error} what="the worklogs" onRetry={rows.reload} />}
      {rows.rows.length === 0 && rows.loading && <Loading label="Loading the worklogs…" />}
      {rows.rows.length === 0 && !rows.loading && rows.error === undefined && (
        <EmptyState title="No time here that you may see">Worklogs on this work item and below it appear here.</EmptyState>
      )}
      {rows.rows.length > 0 && (
        <table className="th-budget-worklog-table">
          <tbody>
            {rows.rows.map((row) => (
              <tr key={row.id} data-testid="budget-worklog">
                <td className="th-numbers">{`${startParts(row).day}, ${startParts(row).span}`}</td>
                <td>{row.user.name}</td>
                <td className="th-numbers font-weight-semibold">{lengthLabel(row.length)}</td>
                <td>{workItemLabel(row)}</td>
                <td className="th-muted">{row.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.hasMore && <Button text={rows.loading ? 'Loading…' : 'More worklogs'} subtle disabled={rows.loading} onClick={rows.loadMore} />}
    </div>
  );
}
