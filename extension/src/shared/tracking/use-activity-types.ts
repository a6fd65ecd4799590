import { useEffect } from 'react';
import { useApi } from '../api-context.js';
import type { ActivityType } from '../api-types.js';
import { useAsync } from '../use-async.js';

let cached: Promise<ActivityType[]> | undefined;
const reloaders = new Set<() => void>();

/** The organization's activity types (inactive ones included), loaded once per page. */
export function useActivityTypes() {
  const api = useApi();
  const { state, reload } = useAsync(() => {
    cached ??= api.activityTypes().catch((error: unknown) => {
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

/** After an admin changed them: every view on the page showing activity types loads them again. */
export function activityTypesChanged() {
  cached = undefined;
  reloaders.forEach((reload) => reload());
}

/** What new time may use: the active types. */
export const selectableTypes = (types: readonly ActivityType[] | undefined, keep?: string | null) =>
  (types ?? []).filter((type) => type.isActive || type.id === keep);
