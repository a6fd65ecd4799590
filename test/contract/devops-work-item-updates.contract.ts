import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { DevOpsThrottledError, type DevOpsDirectory } from '../../shared/ports/devops-directory.js';

export interface WorkItemUpdatesFixture {
  directory: DevOpsDirectory;
  /** The Azure DevOps the directory talks to, where a test edits, deletes and throttles as a person or the service would. */
  azureDevOps: LocalDevOpsDirectory;
  close?: () => Promise<void>;
}

/** Task 10 in fabrikam: Active, 8 h estimate, 2 h completed, 6 h remaining, at revision 1. */
const TASK = 10;

/** Reading and writing Completed and Remaining Work, for every DevOpsDirectory adapter. */
export function describeWorkItemUpdatesContract(adapter: string, setup: () => Promise<WorkItemUpdatesFixture>): void {
  describe(`DevOpsDirectory work item updates contract: ${adapter}`, () => {
    let t: WorkItemUpdatesFixture;
    beforeEach(async () => {
      t = await setup();
    });
    afterEach(async () => {
      await t.close?.();
    });

    it('reads the revision, type and scheduling fields of one item', async () => {
      expect(await t.directory.workItemFields('fabrikam', TASK)).toEqual({ id: TASK, rev: 1, type: 'Task', completedWork: 2, remainingWork: 6 });
      expect(await t.directory.workItemFields('fabrikam', 1)).toEqual({ id: 1, rev: 1, type: 'Epic', completedWork: null, remainingWork: null });
    });

    it('writes the fields at the current revision, which moves the revision on and keeps the old one readable', async () => {
      const result = await t.directory.updateWorkItemFields('fabrikam', TASK, 1, { completedWork: 3.5, remainingWork: 4.5 });
      expect(result).toEqual({ outcome: 'updated', rev: 2 });
      expect(await t.directory.workItemFields('fabrikam', TASK)).toMatchObject({ rev: 2, completedWork: 3.5, remainingWork: 4.5 });
      expect(await t.directory.workItemRevision('fabrikam', TASK, 1)).toMatchObject({ rev: 1, completedWork: 2, remainingWork: 6 });
      expect(await t.directory.workItemRevision('fabrikam', TASK, 2)).toMatchObject({ rev: 2, completedWork: 3.5 });
      expect(await t.directory.workItemRevision('fabrikam', TASK, 3)).toBeUndefined();
    });

    it('touches only the fields given', async () => {
      await t.directory.updateWorkItemFields('fabrikam', TASK, 1, { completedWork: 5 });
      expect(await t.directory.workItemFields('fabrikam', TASK)).toMatchObject({ completedWork: 5, remainingWork: 6 });
    });

    it('refuses a write at a stale revision (someone edited the item meanwhile) and writes nothing', async () => {
      t.azureDevOps.updateWorkItem('fabrikam', TASK, { remainingWork: 10 });
      expect(await t.directory.updateWorkItemFields('fabrikam', TASK, 1, { completedWork: 99, remainingWork: 0 })).toEqual({ outcome: 'stale' });
      expect(await t.directory.workItemFields('fabrikam', TASK)).toEqual({ id: TASK, rev: 2, type: 'Task', completedWork: 2, remainingWork: 10 });
    });

    it('answers a deleted or unknown item as missing, in reads and writes', async () => {
      t.azureDevOps.deleteWorkItem('fabrikam', TASK);
      expect(await t.directory.workItemFields('fabrikam', TASK)).toBeUndefined();
      expect(await t.directory.workItemRevision('fabrikam', TASK, 1)).toBeUndefined();
      expect(await t.directory.updateWorkItemFields('fabrikam', TASK, 1, { completedWork: 1 })).toEqual({ outcome: 'missing' });
      expect(await t.directory.updateWorkItemFields('fabrikam', 999, 1, { completedWork: 1 })).toEqual({ outcome: 'missing' });
      expect(await t.directory.workItemFields('northwind', TASK)).toBeUndefined();
    });

    it('throws throttled with the Retry-After Azure DevOps gives, and writes nothing', async () => {
      t.azureDevOps.throttleWorkItemCalls(42);
      const refused = t.directory.updateWorkItemFields('fabrikam', TASK, 1, { completedWork: 7 });
      await expect(refused).rejects.toBeInstanceOf(DevOpsThrottledError);
      await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 42 });
      expect(await t.directory.workItemFields('fabrikam', TASK)).toMatchObject({ rev: 1, completedWork: 2 });
    });

    it("keeps each org's items apart", async () => {
      await t.directory.updateWorkItemFields('contoso', TASK, 1, { completedWork: 9 });
      expect(await t.directory.workItemFields('fabrikam', TASK)).toMatchObject({ rev: 1, completedWork: 2 });
    });
  });
}
