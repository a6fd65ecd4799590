import { buildWorklog, endOf } from '../domain/worklog.js';
import { toWholeSecond } from '../domain/time.js';
import type { NewWorklogInput } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { subjectUser } from '../roles/time-access.js';
import { earlierResult, idempotentRequest, rememberResult } from './idempotency.js';
import { commitToLedger, userPartition, type BeforeCommit } from './user-ledger.js';
import { draftProblems, overlapProblems, throwIfAny } from './worklog-checks.js';
import { toDoc, worklogsAround } from './worklog-documents.js';
import { draftFromInput } from './worklog-input.js';
import { worklogView, type WorklogView } from './worklog-view.js';

export interface AddOptions {
  idempotencyKey?: string;
  /** Whose time it is (Administrators add for others); the caller's when left out. */
  userId?: string;
  /** Check everything, write nothing. */
  validateOnly?: boolean;
  /** Takes the user's seat right before the commit (billing/write-gate.ts). */
  takeSeat?: BeforeCommit;
}

/**
 * Adds the caller's worklogs entered by hand: all of them or none. Problems are listed
 * per item; a retried request with the same Idempotency-Key gets the first answer.
 */
export async function addWorklogs(ports: Ports, caller: Caller, inputs: NewWorklogInput[], options: AddOptions = {}) {
  const user = await subjectUser(ports, caller, options.userId);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const drafts = inputs.map(draftFromInput);
  throwIfAny(await draftProblems(ports, caller, drafts, activityTypes));
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
    const worklogs = drafts.map((draft) =>
      buildWorklog(draft, { id: ports.newId(), user, addedByUser: caller.user }, { isTracked: false, isManuallyEntered: true, isChanged: false }, now),
    );
    const views = worklogs.map((w) => worklogView(w, activityTypes));
    if (options.validateOnly) return { done: views };
    return {
      tracker: state?.tracker ?? null,
      operations: [...worklogs.map((w) => ({ op: 'create' as const, doc: toDoc(caller.orgId, w) })), ...rememberResult(pk, request, views)],
      result: views,
      beforeCommit: options.takeSeat,
    };
  });
}
