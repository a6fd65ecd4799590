import type { TargetView } from '../../../../shared/contracts/targets.js';
import { pageList } from '../page-list.js';

const targets = pageList((api) => api.targets.list());

/** The org's active targets (what time can be tracked on instead of a work item), loaded once per page. */
export const useTargets = targets.useList;

/** After an admin changed them: every view on the page showing targets loads them again. */
export const targetsChanged = targets.changed;

/** A target's name for display; its id when it is not (or no longer) listed. */
export const targetName = (list: readonly TargetView[] | undefined, id: string) => list?.find((t) => t.id === id)?.name ?? id;
