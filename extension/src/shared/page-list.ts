import { useEffect } from 'react';
import { useApi } from './api-context.js';
import type { TimehubApi } from './timehub-api.js';
import { useAsync } from './use-async.js';

/**
 * An org-wide list every view of a page shows (activity types, targets): loaded once per
 * page, and loaded again in every view when an admin changed it.
 */
export function pageList<T>(load: (api: TimehubApi) => Promise<T[]>) {
  let cached: Promise<T[]> | undefined;
  const reloaders = new Set<() => void>();
  function useList() {
    const api = useApi();
    const { state, reload } = useAsync(() => {
      cached ??= load(api).catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    }, [api]);
    useEffect(() => {
      reloaders.add(reload);
      return () => { reloaders.delete(reload); };
    }, [reload]);
    return state;
  }
  function changed() {
    cached = undefined;
    reloaders.forEach((reload) => reload());
  }
  return { useList, changed };
}
