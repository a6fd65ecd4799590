import { useApi } from '../api-context.js';
import type { ActivityType } from '../api-types.js';
import { useAsync } from '../use-async.js';

let cached: Promise<ActivityType[]> | undefined;

/** The organization's activity types, loaded once per page. */
export function useActivityTypes() {
  const api = useApi();
  return useAsync(() => {
    cached ??= api.activityTypes().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  }, [api]).state;
}
