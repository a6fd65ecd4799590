import { Checkbox } from 'azure-devops-ui/Checkbox';
import { ColumnSorting, SimpleTableCell, SortOrder, Table, TableRow, renderColumns, renderEmptyCell, type ITableColumn } from 'azure-devops-ui/Table';
import { ArrayItemProvider } from 'azure-devops-ui/Utilities/Provider';
import { useMemo } from 'react';
import type { ExplorerSort } from '../../shared/explorer-api.js';
import { hoursLabel } from '../../shared/format.js';
import { useTargets } from '../../shared/tracking/use-targets.js';
import type { GridItem, GroupHeader } from './explorer-grouping.js';
import { CHOOSABLE_COLUMNS, cellContent, type ColumnId } from './worklog-columns.js';
import { startLabel, startParts } from './worklog-labels.js';

export interface GridSelection {
  /** Null when rows cannot be selected (the caller may not change others' time). */
  selected: ReadonlySet<string> | null;
  toggle: (id: string, on: boolean) => void;
}

const textCell = (columnIndex: number, column: ITableColumn<GridItem>, content: React.ReactNode, testId?: string) => (
  <SimpleTableCell key={column.id} columnIndex={columnIndex} tableColumn={column}>
    <span className="text-ellipsis" data-testid={testId} title={typeof content === 'string' ? content : undefined}>{content}</span>
  </SimpleTableCell>
);

function groupRow(header: GroupHeader, index: number, details: Parameters<typeof TableRow<GridItem>>[0]['details'], span: number) {
  return (
    <TableRow key={`group-${header.key}`} index={index} details={details} className="th-group-row">
      <SimpleTableCell columnIndex={0} colspan={span}>
        <span className="flex-row flex-center th-gap" data-testid="group-row">
          <span className="font-weight-semibold" data-testid="group-label">{header.label}</span>
          <span className="th-muted" data-testid="group-subtotal">
            {`${hoursLabel(header.length)} h, billable ${hoursLabel(header.billableLength)} h · ${header.count} loaded worklog${header.count === 1 ? '' : 's'}`}
          </span>
        </span>
      </SimpleTableCell>
    </TableRow>
  );
}

/** The worklogs as an azure-devops-ui Table: the start (sorted by the server), the chosen columns, group headers with subtotals. */
export function WorklogGrid({ items, columns, sort, onSort, selection }: {
  items: readonly GridItem[];
  columns: readonly ColumnId[];
  sort: ExplorerSort;
  onSort: (sort: ExplorerSort) => void;
  selection: GridSelection;
}) {
  const provider = useMemo(() => new ArrayItemProvider<GridItem>([...items]), [items]);
  const sorting = useMemo(() => new ColumnSorting<GridItem>((_index, order) => onSort(order === SortOrder.ascending ? 'timestamp' : '-timestamp')), [onSort]);
  const { selected, toggle } = selection;
  const targets = useTargets().data;

  const tableColumns = useMemo(() => {
    const list: ITableColumn<GridItem>[] = [];
    if (selected) {
      list.push({
        id: 'select', width: 40, ariaLabel: 'Selected',
        renderCell: (_row, columnIndex, column, item) => (
          <SimpleTableCell key="select" columnIndex={columnIndex} tableColumn={column}>
            {item.kind === 'row' ? (
              <Checkbox ariaLabel={`Select the worklog of ${item.row.user.name} at ${startLabel(item.row)}`} checked={selected.has(item.row.id)}
                onChange={(_event, on) => toggle(item.row.id, on)} />
            ) : <span />}
          </SimpleTableCell>
        ),
      });
    }
    list.push({
      id: 'start', name: 'Start', width: 150,
      sortProps: { sortOrder: sort === 'timestamp' ? SortOrder.ascending : SortOrder.descending },
      renderCell: (_row, columnIndex, column, item) => textCell(columnIndex, column, item.kind === 'row' ? startParts(item.row).day : '', 'cell-start'),
    }, {
      id: 'time', name: 'Time', width: 160,
      renderCell: (_row, columnIndex, column, item) => textCell(columnIndex, column, item.kind === 'row' ? startParts(item.row).span : '', 'cell-time'),
    });
    for (const choice of CHOOSABLE_COLUMNS.filter((c) => columns.includes(c.id))) {
      list.push({
        id: choice.id, name: choice.name, width: choice.width, minWidth: 140,
        renderCell: (_row, columnIndex, column, item) => textCell(columnIndex, column, item.kind === 'row' ? cellContent(choice.id, item.row, targets) : '', `cell-${choice.id}`),
      });
    }
    // Without a proportional column, this one takes the rest of the width, as azure-devops-ui's ColumnFill does.
    if (!list.some((column) => typeof column.width === 'number' && column.width < 0)) list.push({ id: 'fill', width: -100, renderCell: renderEmptyCell });
    return list;
  }, [columns, selected, sort, toggle, targets]);

  return (
    <Table<GridItem>
      ariaLabel="Worklogs"
      className="th-explorer-grid"
      columns={tableColumns}
      itemProvider={provider}
      behaviors={[sorting]}
      virtualize={false}
      renderRow={(index, item, details) =>
        item.kind === 'group'
          ? groupRow(item, index, details, tableColumns.length)
          : <TableRow key={item.row.id} index={index} details={details} className="th-worklog-row">{renderColumns(index, tableColumns, item, details)}</TableRow>}
    />
  );
}
