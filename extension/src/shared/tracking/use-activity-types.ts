import type { ActivityType } from '../api-types.js';
import { pageList } from '../page-list.js';

const activityTypes = pageList((api) => api.activityTypes());

/** The organization's activity types (inactive ones included), loaded once per page. */
export const useActivityTypes = activityTypes.useList;

/** After an admin changed them: every view on the page showing activity types loads them again. */
export const activityTypesChanged = activityTypes.changed;

/** What new time may use: the active types. */
export const selectableTypes = (types: readonly ActivityType[] | undefined, keep?: string | null) =>
  (types ?? []).filter((type) => type.isActive || type.id === keep);
