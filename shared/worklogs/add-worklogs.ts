import { AppError } from '../domain/errors.js';
import { buildWorklog, endOf } from '../domain/worklog.js';
import { localDay, toWholeSecond } from '../domain/time.js';
import type { NewWorklogInput } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { subjectUser } from '../roles/time-access.js';
import { readUserSettings } from '../settings/user-settings.js';
import { targetsOf } from '../targets/org-targets.js';
import { earlierResult, idempotentRequest, rememberResult } from './idempotency.js';
import { commitToLedger, userPartition, type BeforeCommit } from './user-ledger.js';
import { assertWeeksOpen } from './week-lock-check.js';
import { draftProblems, overlapProblems, throwIfAny } from './worklog-checks.js';
import { toDoc, worklogsAround } from './worklog-documents.js';
import { draftFromInput, needsUserZone } from './worklog-input.js';
import { worklogView, type WorklogView } from './worklog-view.js';

export interface AddOptions {
  idempotencyKey?: string;
  /** Whose time it is (Administrators add for others); the caller's when left out. Items may name their own `userId`. */
  userId?: string;
  /** Check everything, write nothing. */
  validateOnly?: boolean;
  /** Takes the seat of the user whose time is written right before the commit (billing/write-gate.ts). */
  takeSeat?: (userId: string) => BeforeCommit | undefined;
}

/**
 * Adds worklogs entered by hand: the caller's, or those of the users the items (or
 * `userId`) name, which the caller's role must allow. Each user's worklogs are written all
 * or none; a batch for several users is checked whole before any is written. Problems are
 * listed per item; a retried request with the same Idempotency-Key gets the first answer.
 */
export async function addWorklogs(ports: Ports, caller: Caller, inputs: NewWorklogInput[], options: AddOptions = {}): Promise<WorklogView[]> {
  const groups = new Map<string, number[]>();
  inputs.forEach((input, index) => {
    const userId = input.userId ?? options.userId ?? caller.user.id;
    groups.set(userId, [...(groups.get(userId) ?? []), index]);
  });
  if (groups.size === 1) return addForUser(ports, caller, [...groups.keys()][0]!, inputs, options);
  const each = [...groups].map(([userId, indexes]) => ({ userId, indexes, items: indexes.map((i) => inputs[i]!) }));
  for (const group of each) await inItemTerms(group.indexes, () => addForUser(ports, caller, group.userId, group.items, { ...options, validateOnly: true }));
  const views: WorklogView[] = [];
  for (const group of each) {
    // Per user, so that a retry after a partial failure finds the users already written and writes the rest.
    const key = options.idempotencyKey && `${options.idempotencyKey}:${group.userId}`;
    const added = await inItemTerms(group.indexes, () => addForUser(ports, caller, group.userId, group.items, { ...options, idempotencyKey: key }));
    added.forEach((view, i) => (views[group.indexes[i]!] = view));
  }
  return views;
}

/** A group's problems named by the items' places in the whole batch. */
async function inItemTerms<T>(indexes: number[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    const details = error.details.map((detail) => ({ ...detail, index: indexes[detail.index ?? 0] }));
    throw new AppError(error.status, error.code, error.message, details);
  }
}

async function addForUser(ports: Ports, caller: Caller, userId: string, inputs: NewWorklogInput[], options: AddOptions) {
  const user = await subjectUser(ports, caller, userId);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const targets = inputs.some((input) => input.targetId) ? await targetsOf(ports.store, caller.orgId) : [];
  const userZone = inputs.some(needsUserZone) ? (await readUserSettings(ports, caller.orgId, user.id)).timeZone : null;
  const drafts = inputs.map((input) => draftFromInput(input, userZone, ports.clock.now(), targets));
  throwIfAny(await draftProblems(ports, caller, drafts, { activityTypes, targets }));
  const pk = userPartition(caller.orgId, user.id);
  const request = options.validateOnly ? undefined : idempotentRequest(options.idempotencyKey, 'addWorklogs', inputs);
  return commitToLedger<WorklogView[]>(ports.store, caller.orgId, user.id, async (state) => {
    const now = ports.clock.now();
    const starts = drafts.map((d) => d.start.getTime());
    const ends = drafts.map((d) => endOf(d).getTime());
    const existing = await worklogsAround(ports.store, caller.orgId, user.id, new Date(Math.min(...starts)), new Date(Math.max(...ends)));
    // Read the key after the worklogs: a racing first request that wrote worklogs we saw
    // wrote its key in the same batch, so a retry gets its answer, not a 409 against itself.
    const earlier = await earlierResult(ports.store, pk, request);
    if (earlier) return { done: earlier.result as WorklogView[] };
    throwIfAny(overlapProblems(drafts, existing, state?.tracker ?? null, toWholeSecond(now)), 409);
    assertWeeksOpen(state?.locks, drafts.map((draft, index) => ({ day: localDay(draft.start, draft.utcOffsetMinutes), ...(drafts.length > 1 ? { index } : {}) })));
    const worklogs = drafts.map((draft) =>
      buildWorklog(draft, { id: ports.newId(), user, addedByUser: caller.user }, { isTracked: false, isManuallyEntered: true, isChanged: false }, now),
    );
    const views = worklogs.map((w) => worklogView(w, activityTypes));
    if (options.validateOnly) return { done: views };
    return {
      tracker: state?.tracker ?? null,
      operations: [...worklogs.map((w) => ({ op: 'create' as const, doc: toDoc(caller.orgId, w) })), ...rememberResult(pk, request, views)],
      result: views,
      beforeCommit: options.takeSeat?.(user.id),
    };
  });
}
