import { useApi } from '../../shared/api-context.js';
import { reportTotalsParams, type ReportTotalsQuery } from '../../shared/explorer-api.js';
import { hoursLabel } from '../../shared/format.js';
import { useAsync } from '../../shared/use-async.js';

/**
 * What the grid has loaded, beside the whole filter's total when a report can give it
 * (from rollups, never worklogs: it costs the same for a day or a year).
 */
export function ExplorerTotals({ loaded, hasMore, totalsQuery }: {
  loaded: { count: number; length: number };
  hasMore: boolean;
  totalsQuery: ReportTotalsQuery | undefined;
}) {
  const api = useApi();
  const { state } = useAsync(async () => (totalsQuery ? (await api.timeReport(reportTotalsParams(totalsQuery).toString())).totals : undefined), [api, totalsQuery]);
  const totals = state.status === 'ready' ? state.data : undefined;
  return (
    <div className="flex-row flex-wrap th-gap th-explorer-totals" data-testid="explorer-totals">
      <span data-testid="loaded-total">
        {`Loaded: ${loaded.count.toLocaleString()} worklog${loaded.count === 1 ? '' : 's'}, ${hoursLabel(loaded.length)} h${hasMore ? ' (more to load)' : ''}`}
      </span>
      {totals && (
        <span data-testid="filter-total" title="From the reports, by each user's local day">
          {`· All matching: ${totals.count.toLocaleString()} worklog${totals.count === 1 ? '' : 's'}, ${hoursLabel(totals.length)} h, billable ${hoursLabel(totals.billableLength)} h`}
        </span>
      )}
      {totalsQuery === undefined && <span className="th-muted">· Reports cannot total by tracked or edited: load all rows for a total.</span>}
    </div>
  );
}
