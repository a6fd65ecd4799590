import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { ExplorerQueryFilter, ExplorerRow, ExplorerSort } from '../../shared/explorer-api.js';

/** Rows per request: a screenful or two, so a year of a large org never loads at once. */
export const PAGE_SIZE = 100;
/** A page may come back short, even empty, when a filter no index serves skips many rows; follow on this often for one "load more". */
const MAX_REQUESTS_PER_LOAD = 5;

export interface ExplorerRows {
  rows: ExplorerRow[];
  /** More rows match than are loaded. */
  hasMore: boolean;
  loading: boolean;
  error?: unknown;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The grid's rows, read page by page with the server's continuation token under one filter
 * and sort. A new filter or sort starts over; answers for an older one are dropped.
 */
export function useExplorerRows(filter: ExplorerQueryFilter | undefined, sort: ExplorerSort): ExplorerRows {
  const api = useApi();
  const [rows, setRows] = useState<ExplorerRow[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const load = useCallback(async (after: string | null, mine: number) => {
    if (!filter) return;
    setLoading(true);
    setError(undefined);
    try {
      let next = after ?? undefined;
      const gained: ExplorerRow[] = [];
      for (let request = 0; request < MAX_REQUESTS_PER_LOAD; request++) {
        const page = await api.explorer.page(filter, sort, PAGE_SIZE, next);
        if (generation.current !== mine) return;
        gained.push(...page.items);
        next = page.continuationToken ?? undefined;
        if (!next || gained.length > 0) break;
      }
      setRows((previous) => (after === null ? gained : [...previous, ...gained]));
      setToken(next ?? null);
    } catch (cause) {
      if (generation.current === mine) setError(cause);
    } finally {
      if (generation.current === mine) setLoading(false);
    }
  }, [api, filter, sort]);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setRows([]);
    setToken(null);
    void load(null, mine);
  }, [load]);

  useEffect(() => {
    reload();
    return () => { generation.current++; };
  }, [reload]);

  const loadMore = useCallback(() => {
    if (loading || token === null) return;
    void load(token, generation.current);
  }, [load, loading, token]);

  return { rows, hasMore: token !== null, loading, error, loadMore, reload };
}
