import { notFound } from '../domain/errors.js';
import { toWholeSecond } from '../domain/time.js';
import { changedWorklog, endOf } from '../domain/worklog.js';
import type { WorklogPatch } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { assertMayWriteTimeOf } from '../roles/time-access.js';
import { readUserSettings } from '../settings/user-settings.js';
import { targetsOf } from '../targets/org-targets.js';
import { commitToLedger, type BeforeCommit } from './user-ledger.js';
import { draftProblems, overlapProblems, throwIfAny } from './worklog-checks.js';
import { fromDoc, readWorklog, toDoc, worklogsAround } from './worklog-documents.js';
import { draftWithPatch, needsUserZone } from './worklog-input.js';
import { worklogView } from './worklog-view.js';
import { tombstoneOperation } from './worklog-tombstones.js';

export interface ChangeOptions {
  /** Whose worklog it is (Administrators change others'); the caller's when left out. */
  userId?: string;
  /** Takes the user's seat right before the commit (billing/write-gate.ts). */
  takeSeat?: BeforeCommit;
}

/**
 * Changes one of the caller's worklogs, or `userId`'s (Administrators); it is then flagged
 * isChanged and records who edited it.
 */
export async function updateWorklog(ports: Ports, caller: Caller, id: string, patch: WorklogPatch, options: ChangeOptions = {}) {
  const userId = options.userId ?? caller.user.id;
  assertMayWriteTimeOf(caller, userId);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const targets = await targetsOf(ports.store, caller.orgId);
  const userZone = patch.timestamp !== undefined && needsUserZone(patch) ? (await readUserSettings(ports, caller.orgId, userId)).timeZone : null;
  return commitToLedger(ports.store, caller.orgId, userId, async (state) => {
    const doc = await readWorklog(ports.store, caller.orgId, userId, id);
    if (!doc) throw notFound(`worklog ${id}`);
    const current = fromDoc(doc);
    const draft = draftWithPatch(current, patch, userZone);
    throwIfAny(await draftProblems(ports, caller, [draft], { activityTypes, targets }, { activityTypeId: current.activityTypeId, targetId: current.targetId }));
    const now = ports.clock.now();
    const existing = await worklogsAround(ports.store, caller.orgId, userId, draft.start, endOf(draft));
    throwIfAny(overlapProblems([draft], existing, state?.tracker ?? null, toWholeSecond(now), id), 409);
    const changed = changedWorklog(current, draft, caller.user, now);
    return {
      tracker: state?.tracker ?? null,
      operations: [{ op: 'replace', doc: toDoc(caller.orgId, changed), ifMatch: doc._etag }],
      previous: [doc],
      result: worklogView(changed, activityTypes),
      beforeCommit: options.takeSeat,
    };
  });
}

/** Deletes one of the caller's worklogs, or `userId`'s (Administrators). */
export async function deleteWorklog(ports: Ports, caller: Caller, id: string, options: ChangeOptions = {}) {
  const userId = options.userId ?? caller.user.id;
  assertMayWriteTimeOf(caller, userId);
  await commitToLedger(ports.store, caller.orgId, userId, async (state) => {
    const doc = await readWorklog(ports.store, caller.orgId, userId, id);
    if (!doc) throw notFound(`worklog ${id}`);
    return {
      tracker: state?.tracker ?? null, operations: [tombstoneOperation(doc, caller.user, ports.clock.now())], previous: [doc], result: undefined, beforeCommit: options.takeSeat,
    };
  });
  return { id, deleted: true };
}
