import { useState } from 'react';
import { CHOOSABLE_COLUMNS, DEFAULT_COLUMNS, type ColumnId } from './worklog-columns.js';

const isColumn = (value: unknown): value is ColumnId => CHOOSABLE_COLUMNS.some((c) => c.id === value);

function readChoice(key: string): ColumnId[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (Array.isArray(stored)) return stored.filter(isColumn);
  } catch {
    // Storage blocked or unreadable: the defaults it is.
  }
  return [...DEFAULT_COLUMNS];
}

/**
 * The columns shown, remembered in this browser for this user in this org (the frame's
 * localStorage belongs to the extension's origin, shared by every org and user).
 */
export function useColumnChoice(orgId: string, userId: string): [ColumnId[], (column: ColumnId, shown: boolean) => void] {
  const key = `timehub.explorer.columns.${orgId}.${userId}`;
  const [columns, setColumns] = useState(() => readChoice(key));
  const toggle = (column: ColumnId, shown: boolean) => {
    // Kept in the chooser's order, so a column comes back where it was.
    const next = CHOOSABLE_COLUMNS.map((c) => c.id).filter((id) => (id === column ? shown : columns.includes(id)));
    setColumns(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Not remembered, still shown.
    }
  };
  return [columns, toggle];
}
