import type { NewTargetInput, TargetPatchInput, TargetView } from '../../../shared/contracts/targets.js';
import type { ApiClient } from './api-client.js';

/** Internal targets (vacation, meetings, ...): everyone reads the active ones, Administrators manage them. */
export function targetsApi({ request }: ApiClient) {
  return {
    list: (includeInactive = false) => request<TargetView[]>('GET', `/rest/targets${includeInactive ? '?includeInactive=true' : ''}`),
    create: (input: NewTargetInput) => request<TargetView>('POST', '/rest/targets', input),
    update: (id: string, patch: TargetPatchInput) => request<TargetView>('PATCH', `/rest/targets/${encodeURIComponent(id)}`, patch),
    deactivate: (id: string) => request<TargetView>('DELETE', `/rest/targets/${encodeURIComponent(id)}`),
  };
}
