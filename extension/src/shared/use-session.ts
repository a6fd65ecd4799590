import { useApi } from './api-context.js';
import { useAsync } from './use-async.js';

/** Who the caller is in this org, and their role: what a page may offer them. */
export function useSession() {
  const api = useApi();
  return useAsync(() => api.session(), [api]).state;
}
