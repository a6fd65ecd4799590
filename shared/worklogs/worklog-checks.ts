import { workItemCache } from '../work-items/work-item-cache.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { Target } from '../domain/targets.js';
import { AppError, type ErrorDetail } from '../domain/errors.js';
import { isoSeconds } from '../domain/time.js';
import type { Tracker } from '../domain/tracker.js';
import { checkDraft, endOf, findOverlap, type Interval, type WorklogDraft } from '../domain/worklog.js';
import type { Ports } from '../ports/index.js';
import type { Caller } from '../identity/caller.js';

/** What the org lets time name besides work items. */
export interface OrgChoices {
  activityTypes: readonly ActivityType[];
  targets: readonly Target[];
}

/** A worklog being changed may keep the type and target it has, even if deactivated since. */
export interface Kept {
  activityTypeId?: string | null;
  targetId?: string | null;
}

/**
 * Checks drafts against the rules and the org's work items (through its cache: a write asks
 * Azure DevOps only about items not seen in the last minutes), activity types and targets.
 * Every problem is reported with the index of the draft it belongs to.
 */
export async function draftProblems(
  ports: Pick<Ports, 'directory' | 'clock' | 'store'>,
  caller: Caller,
  drafts: readonly WorklogDraft[],
  { activityTypes, targets }: OrgChoices,
  kept: Kept = {},
): Promise<ErrorDetail[]> {
  const now = ports.clock.now();
  const ids = [...new Set(drafts.flatMap((d) => (d.workItemId === null ? [] : [d.workItemId])))];
  const known = new Set(ids.length ? (await workItemCache(ports).items({ orgId: caller.orgId, orgName: caller.orgName }, ids)).keys() : []);
  return drafts.flatMap((draft, index) => {
    const problems = checkDraft(draft, now);
    if (draft.workItemId !== null && !known.has(draft.workItemId)) {
      problems.push({ path: 'workItemId', code: 'worklog.unknown_work_item', message: `work item ${draft.workItemId} does not exist in this organization` });
    }
    const activityType = activityTypes.find((a) => a.id === draft.activityTypeId);
    if (draft.activityTypeId !== null && !activityType) {
      problems.push({ path: 'activityTypeId', code: 'worklog.unknown_activity_type', message: `activity type ${draft.activityTypeId} does not exist` });
    } else if (activityType && !activityType.isActive && activityType.id !== kept.activityTypeId) {
      problems.push({ path: 'activityTypeId', code: 'worklog.inactive_activity_type', message: `activity type ${activityType.name} is no longer in use` });
    }
    problems.push(...targetProblems(draft.targetId, targets, kept.targetId));
    return problems.map((p) => (drafts.length > 1 ? { ...p, index } : p));
  });
}

function targetProblems(targetId: string | null, targets: readonly Target[], keptId: string | null | undefined): ErrorDetail[] {
  if (targetId === null) return [];
  const target = targets.find((t) => t.id === targetId);
  if (!target) return [{ path: 'targetId', code: 'worklog.unknown_target', message: `target ${targetId} does not exist` }];
  if (!target.isActive && target.id !== keptId) return [{ path: 'targetId', code: 'worklog.inactive_target', message: `target ${target.name} is no longer in use` }];
  return [];
}

/** 422 for broken rules, 409 for time already taken; one problem names itself. */
export function throwIfAny(problems: ErrorDetail[], status: 409 | 422 = 422) {
  const [first] = problems;
  if (!first) return;
  const single = problems.length === 1;
  const code = single ? first.code : status === 409 ? 'worklog.overlap' : 'worklog.invalid';
  const message = single ? first.message : `${problems.length} problems, listed in details`;
  throw new AppError(status, code, message, problems);
}

/**
 * Where drafts would share time with the user's worklogs, the running tracker's time
 * so far, or each other.
 */
export function overlapProblems(
  drafts: readonly WorklogDraft[],
  existing: readonly Interval[],
  tracker: Tracker | null,
  now: Date,
  ignoreId?: string,
): ErrorDetail[] {
  const taken: Interval[] = [...existing];
  if (tracker) {
    // A tracker started this very second already holds that second.
    const end = new Date(Math.max(now.getTime(), new Date(tracker.startTimestamp).getTime() + 1000));
    taken.push({ id: 'running tracker', timestamp: tracker.startTimestamp, endTimestamp: isoSeconds(end) });
  }
  const problems: ErrorDetail[] = [];
  drafts.forEach((draft, index) => {
    const clash = findOverlap(draft.start, endOf(draft), taken, ignoreId);
    const at = drafts.length > 1 ? { index } : {};
    if (clash?.id === 'running tracker') {
      const conflict = { workItemId: tracker?.workItemId ?? null, timestamp: clash.timestamp, endTimestamp: clash.endTimestamp };
      problems.push({ ...at, path: 'timestamp', code: 'worklog.overlaps_tracker', message: `overlaps your running tracker, started ${clash.timestamp}`, conflict });
    } else if (clash) {
      const conflict = { worklogId: clash.id, workItemId: clash.workItemId ?? null, timestamp: clash.timestamp, endTimestamp: clash.endTimestamp };
      problems.push({ ...at, path: 'timestamp', code: 'worklog.overlap', message: `overlaps worklog ${clash.id} (${clash.timestamp} to ${clash.endTimestamp})`, conflict });
    }
    taken.push({ id: `batch item ${index}`, timestamp: isoSeconds(draft.start), endTimestamp: isoSeconds(endOf(draft)) });
  });
  return problems;
}
