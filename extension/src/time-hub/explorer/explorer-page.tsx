import { Card } from 'azure-devops-ui/Card';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { SessionView } from '../../shared/api-types.js';
import type { ExplorerSort } from '../../shared/explorer-api.js';
import { ActionError, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSession } from '../../shared/use-session.js';
import { BulkPanel } from './bulk-panel.js';
import { ColumnChooser } from './column-chooser.js';
import { explorerAccess } from './explorer-access.js';
import { defaultFilter, queryFilterOf, totalsQueryOf, validRange } from './explorer-filter.js';
import { ExplorerFilters } from './explorer-filters.js';
import { ExplorerResults } from './explorer-results.js';
import { useColumnChoice } from './use-column-choice.js';
import { useExplorerRows } from './use-explorer-rows.js';
import { useExportFile } from './use-export-file.js';
import './explorer.css';

/** Time → Times Explorer: every worklog the caller may read, filtered, grouped, exported, and (Administrators) changed in bulk. */
export function ExplorerPage() {
  const session = useSession();
  if (session.status === 'failed') return <ErrorCard error={session.error} what="your session" />;
  if (session.status === 'loading') return <Loading label="Loading the Times Explorer…" />;
  return <Explorer session={session.data} />;
}

function Explorer({ session }: { session: SessionView }) {
  const api = useApi();
  const { seesOthers, mayBulkEdit } = explorerAccess(session);
  const [filter, setFilter] = useState(() => defaultFilter());
  const [sort, setSort] = useState<ExplorerSort>('-timestamp');
  const [columns, toggleColumn] = useColumnChoice(session.organization.id, session.user.id);
  const [choosingColumns, setChoosingColumns] = useState(false);
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  const queryFilter = useMemo(() => (validRange(filter) ? queryFilterOf(filter) : undefined), [filter]);
  const totalsQuery = useMemo(() => (validRange(filter) ? totalsQueryOf(filter) : undefined), [filter]);
  const rows = useExplorerRows(queryFilter, sort);
  const exporting = useExportFile(queryFilter);
  const users = useAsync(async () => (seesOthers ? (await api.users()).map((u) => ({ id: u.id, text: u.name })) : null), [api, seesOthers]);
  const types = useAsync(async () => (await api.activityTypes()).map((t) => ({ id: t.id, text: t.name, isActive: t.isActive })), [api]);
  const activityTypes = types.state.data ?? [];
  const { reload } = rows;

  // A selection belongs to the rows it was made on.
  useEffect(() => setSelected(new Map()), [queryFilter, sort]);
  const toggle = useCallback((id: string, on: boolean) => setSelected((previous) => {
    const next = new Map(previous);
    const row = rows.rows.find((r) => r.id === id);
    if (on && row) next.set(id, row.userId);
    else next.delete(id);
    return next;
  }), [rows.rows]);
  const afterBulk = useCallback(() => { setSelected(new Map()); reload(); }, [reload]);
  const rowSelection = useMemo(() => (mayBulkEdit ? { selected, toggle, set: setSelected } : null), [mayBulkEdit, selected, toggle]);

  return (
    <Card className="th-section" titleProps={{ text: 'Times Explorer' }}
      headerCommandBarItems={[
        ...(mayBulkEdit ? [{ id: 'bulk', text: 'Bulk edit', important: true, iconProps: { iconName: 'Edit' }, disabled: !queryFilter, onActivate: () => setBulkOpen(true) }] : []),
        { id: 'columns', text: 'Columns', important: true, iconProps: { iconName: 'TripleColumn' }, onActivate: () => setChoosingColumns(!choosingColumns) },
        { id: 'export-csv', text: exporting.busy === 'csv' ? 'Exporting…' : 'Export CSV', important: true, iconProps: { iconName: 'Download' }, disabled: !queryFilter || exporting.busy !== undefined, onActivate: () => void exporting.download('csv') },
        { id: 'export-xlsx', text: exporting.busy === 'xlsx' ? 'Exporting…' : 'Export XLSX', important: true, iconProps: { iconName: 'ExcelDocument' }, disabled: !queryFilter || exporting.busy !== undefined, onActivate: () => void exporting.download('xlsx') },
      ]}>
      <div className="flex-column flex-grow" data-testid="times-explorer">
        <ExplorerFilters filter={filter} onChange={setFilter} users={users.state.data ?? (seesOthers ? [] : null)} activityTypes={activityTypes} />
        {!queryFilter && <ActionError error="The first day of the range must not be after the last." />}
        {exporting.error !== undefined && <ActionError error={exporting.error} onDismiss={exporting.dismissError} />}
        {choosingColumns && <ColumnChooser columns={columns} onToggle={toggleColumn} />}
        <ExplorerResults rows={rows} columns={columns} sort={sort} onSort={setSort} totalsQuery={totalsQuery}
          selection={rowSelection} />
        {bulkOpen && queryFilter && (
          <BulkPanel selection={[...selected].map(([id, userId]) => ({ id, userId }))} filter={queryFilter}
            activityTypes={activityTypes.filter((t) => t.isActive)} onClose={() => setBulkOpen(false)} onDone={afterBulk} />
        )}
      </div>
    </Card>
  );
}
