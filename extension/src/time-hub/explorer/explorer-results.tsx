import { Button } from 'azure-devops-ui/Button';
import { useMemo, useState } from 'react';
import type { ExplorerSort, ReportTotalsQuery } from '../../shared/explorer-api.js';
import { ChoiceField, FieldRow } from '../../shared/form-fields.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { ExplorerTotals } from './explorer-totals.js';
import { GROUPINGS, groupRows, type Grouping } from './explorer-grouping.js';
import type { ExplorerRows } from './use-explorer-rows.js';
import { useLoadOnScroll } from './use-load-on-scroll.js';
import type { ColumnId } from './worklog-columns.js';
import { WorklogGrid } from './worklog-grid.js';

export interface RowSelection {
  selected: ReadonlyMap<string, string>;
  toggle: (id: string, on: boolean) => void;
  set: (selected: ReadonlyMap<string, string>) => void;
}

/** The grid with its grouping, totals, selection bar, and paging: loading, empty and error states included. */
export function ExplorerResults({ rows, columns, sort, onSort, totalsQuery, selection }: {
  rows: ExplorerRows;
  columns: readonly ColumnId[];
  sort: ExplorerSort;
  onSort: (sort: ExplorerSort) => void;
  totalsQuery: ReportTotalsQuery | undefined;
  /** Null for those who may not change others' time. */
  selection: RowSelection | null;
}) {
  const [grouping, setGrouping] = useState<Grouping>('none');
  const items = useMemo(() => groupRows(rows.rows, grouping), [rows.rows, grouping]);
  const loaded = useMemo(() => ({ count: rows.rows.length, length: rows.rows.reduce((sum, r) => sum + r.length, 0) }), [rows.rows]);
  const sentinel = useLoadOnScroll<HTMLDivElement>(rows.loadMore, rows.hasMore && !rows.loading && rows.error === undefined);
  const selectedKeys = useMemo(() => (selection ? new Set(selection.selected.keys()) : null), [selection]);
  const firstLoad = rows.loading && rows.rows.length === 0;

  return (
    <div className="flex-column">
      <FieldRow>
        <ChoiceField label="Group by" choices={GROUPINGS} value={grouping} onChange={(id) => setGrouping(id as Grouping)} />
        {selection && (
          <div className="flex-row flex-center th-gap th-selection-bar" data-testid="selection-bar">
            <span data-testid="selection-count">{`${selection.selected.size} selected`}</span>
            <Button text="Select all loaded" subtle disabled={rows.rows.length === 0}
              onClick={() => selection.set(new Map(rows.rows.map((r) => [r.id, r.userId])))} />
            <Button text="Clear" subtle disabled={selection.selected.size === 0} onClick={() => selection.set(new Map())} />
          </div>
        )}
      </FieldRow>
      <ExplorerTotals loaded={loaded} hasMore={rows.hasMore} totalsQuery={totalsQuery} />
      {grouping !== 'none' && rows.rows.length > 0 && (
        <div className="th-muted th-grouping-note" data-testid="grouping-note">
          {`Subtotals are over the ${loaded.count.toLocaleString()} loaded worklogs${rows.hasMore ? '; load more to include the rest' : ''}.`}
        </div>
      )}
      {rows.rows.length > 0 && (
        <WorklogGrid items={items} columns={columns} sort={sort} onSort={onSort}
          selection={{ selected: selectedKeys, toggle: selection?.toggle ?? (() => {}) }} />
      )}
      {firstLoad && <Loading label="Loading worklogs…" />}
      {!rows.loading && rows.error === undefined && rows.rows.length === 0 && (
        <EmptyState title="No worklogs match these filters">Widen the date range or clear a filter.</EmptyState>
      )}
      {rows.error !== undefined && (
        <ErrorCard error={rows.error} what="the worklogs" onRetry={rows.rows.length ? rows.loadMore : rows.reload} />
      )}
      {rows.hasMore && rows.rows.length > 0 && rows.error === undefined && (
        <div ref={sentinel} className="flex-row justify-center th-load-more">
          {rows.loading ? <Loading label="Loading more…" /> : <Button text="Load more" onClick={rows.loadMore} />}
        </div>
      )}
    </div>
  );
}
