import type { ApprovalFilter } from '../../../../shared/approvals/approval-filter.js';
import { MAX_REPORT_DAYS } from '../../../../shared/contracts/reports.js';
import type { ExplorerQueryFilter, ReportTotalsQuery } from '../../shared/explorer-api.js';
import { localDayOf, localInstant } from '../../shared/format.js';
import { addDays } from '../timesheet/week.js';

/** Yes, no, or either: the three states of a flag filter. */
export type FlagChoice = 'any' | 'yes' | 'no';

/** The grid's filters as the page holds them: local days (both included) and plain lists. */
export interface ExplorerFilterState {
  fromDay: string;
  toDay: string;
  userIds: string[];
  workItemIds: number[];
  activityTypeIds: string[];
  billable: FlagChoice;
  tracked: FlagChoice;
  edited: FlagChoice;
  /** Approval states of the worklogs' weeks; none: any. */
  approval: ApprovalFilter[];
}

/** The last 30 days, everyone the caller may see. */
export function defaultFilter(today = new Date()): ExplorerFilterState {
  const toDay = localDayOf(today);
  return { fromDay: addDays(toDay, -29), toDay, userIds: [], workItemIds: [], activityTypeIds: [], billable: 'any', tracked: 'any', edited: 'any', approval: [] };
}

const flag = (choice: FlagChoice) => (choice === 'any' ? undefined : choice === 'yes');

/** The filter in the API's terms: from the start of the first day to the start of the day after the last, in the browser's zone. */
export function queryFilterOf(state: ExplorerFilterState): ExplorerQueryFilter {
  return {
    from: localInstant(state.fromDay, '00:00'),
    to: localInstant(addDays(state.toDay, 1), '00:00'),
    userIds: state.userIds,
    workItemIds: state.workItemIds,
    activityTypeIds: state.activityTypeIds,
    billable: flag(state.billable),
    tracked: flag(state.tracked),
    edited: flag(state.edited),
    approval: state.approval,
  };
}

/**
 * The report that totals the same worklogs, when there is one: reports sum rollups by each
 * user's local day and cannot tell tracked from manual or edited from unchanged time.
 */
export function totalsQueryOf(state: ExplorerFilterState): ReportTotalsQuery | undefined {
  if (state.tracked !== 'any' || state.edited !== 'any') return undefined;
  if (Date.parse(state.toDay) - Date.parse(state.fromDay) >= MAX_REPORT_DAYS * 86_400_000) return undefined;
  const { fromDay, toDay, userIds, workItemIds, activityTypeIds, approval } = state;
  return { fromDay, toDay, userIds, workItemIds, activityTypeIds, approval, billable: flag(state.billable) };
}

/** "3, 17,  42" → [3, 17, 42]; undefined when any part is not a work item id. */
export function parseWorkItemIds(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((part) => /^\d{1,9}$/.test(part) && Number(part) > 0)) return undefined;
  return [...new Set(parts.map(Number))];
}

export const validRange = (state: Pick<ExplorerFilterState, 'fromDay' | 'toDay'>) =>
  /^\d{4}-\d{2}-\d{2}$/.test(state.fromDay) && /^\d{4}-\d{2}-\d{2}$/.test(state.toDay) && state.fromDay <= state.toDay;
