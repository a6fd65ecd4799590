import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLocalAccessToken } from '../../shared/adapters/devops/local-access-token.js';
import { findSeedOrganization, findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import type { DevOpsDirectory } from '../../shared/ports/devops-directory.js';

export interface DevOpsDirectoryFixture {
  directory: DevOpsDirectory;
  /** The secret the directory accepts local access tokens under. */
  accessTokenSecret: string;
  close?: () => Promise<void>;
}

/** Work items per seeded org: two epics with their features, backlog items, tasks and bugs. */
const SEEDED = 25;

function seeded(orgName: string, userName: string) {
  const org = findSeedOrganization(orgName);
  const user = findSeedUser(orgName, userName);
  if (!org || !user) throw new Error(`Seed lacks ${userName}@${orgName}`);
  return { org, user };
}

/** One behaviour for every DevOpsDirectory adapter, run against the seeded orgs. */
export function describeDevOpsDirectoryContract(adapter: string, setup: () => Promise<DevOpsDirectoryFixture>): void {
  describe(`DevOpsDirectory contract: ${adapter}`, () => {
    let fixture: DevOpsDirectoryFixture;
    const directory = () => fixture.directory;
    const token = (org: string, user: string, expiresInSeconds?: number) =>
      issueLocalAccessToken(fixture.accessTokenSecret, org, user, expiresInSeconds);

    beforeAll(async () => {
      fixture = await setup();
    });
    afterAll(async () => {
      await fixture?.close?.();
    });

    describe('connectionData', () => {
      it('returns the token owner and the org for the org the token was issued for', async () => {
        const { org, user } = seeded('fabrikam', 'alice');
        const data = await directory().connectionData('fabrikam', await token('fabrikam', 'alice'));
        expect(data).toEqual({
          organization: { id: org.id, name: 'fabrikam' },
          authenticatedUser: { id: user.id, displayName: 'Alice Anders', uniqueName: 'alice@fabrikam.example' },
        });
      });

      it('matches the org name case-insensitively', async () => {
        const data = await directory().connectionData('Fabrikam', await token('fabrikam', 'bob'));
        expect(data?.authenticatedUser.id).toBe(seeded('fabrikam', 'bob').user.id);
        expect(data?.organization.name).toBe('fabrikam');
      });

      it('refuses a token issued for another org', async () => {
        expect(await directory().connectionData('contoso', await token('fabrikam', 'alice'))).toBeUndefined();
      });

      it('refuses a forged token', async () => {
        const forged = await issueLocalAccessToken('not-the-secret', 'fabrikam', 'alice');
        expect(await directory().connectionData('fabrikam', forged)).toBeUndefined();
      });

      it('refuses an expired token', async () => {
        expect(await directory().connectionData('fabrikam', await token('fabrikam', 'alice', -60))).toBeUndefined();
      });

      it('refuses a token that is not a JWT', async () => {
        expect(await directory().connectionData('fabrikam', 'not-a-token')).toBeUndefined();
      });

      it('refuses an unknown org and an invalid org name', async () => {
        const aliceToken = await token('fabrikam', 'alice');
        expect(await directory().connectionData('northwind', aliceToken)).toBeUndefined();
        expect(await directory().connectionData('../fabrikam', aliceToken)).toBeUndefined();
      });
    });

    describe('isCollectionAdmin', () => {
      it('is true for alice, a Project Collection Administrator', async () => {
        expect(await directory().isCollectionAdmin('fabrikam', await token('fabrikam', 'alice'))).toBe(true);
        expect(await directory().isCollectionAdmin('contoso', await token('contoso', 'alice'))).toBe(true);
      });

      it('is false for members bob and carol', async () => {
        expect(await directory().isCollectionAdmin('fabrikam', await token('fabrikam', 'bob'))).toBe(false);
        expect(await directory().isCollectionAdmin('fabrikam', await token('fabrikam', 'carol'))).toBe(false);
      });

      it('is false for an admin token used on another org, and for a forged token', async () => {
        expect(await directory().isCollectionAdmin('contoso', await token('fabrikam', 'alice'))).toBe(false);
        const forged = await issueLocalAccessToken('not-the-secret', 'fabrikam', 'alice');
        expect(await directory().isCollectionAdmin('fabrikam', forged)).toBe(false);
      });
    });

    describe('workItems', () => {
      it('returns only the ids that exist, with title, type and state', async () => {
        const items = await directory().workItems('fabrikam', [3, 999, 1]);
        const expected = findSeedOrganization('fabrikam')?.workItems.filter((item) => item.id === 1 || item.id === 3)
          .map(({ id, title, type, state }) => ({ id, title, type, state }));
        expect([...items].sort((a, b) => a.id - b.id)).toEqual(expected);
      });

      it('returns nothing for no ids, invalid ids or an unknown org', async () => {
        expect(await directory().workItems('fabrikam', [])).toEqual([]);
        expect(await directory().workItems('fabrikam', [0, -4, 2.5])).toEqual([]);
        expect(await directory().workItems('northwind', [1])).toEqual([]);
      });

      it('answers for more ids than one Azure DevOps request takes', async () => {
        const ids = Array.from({ length: 450 }, (_, index) => index + 1);
        expect(await directory().workItems('contoso', ids)).toHaveLength(SEEDED);
      });
    });

    describe('workItemDetails', () => {
      it('returns paths, parent and scheduling fields of the ids that exist', async () => {
        const [task, epic, ...rest] = await directory().workItemDetails('fabrikam', [10, 1, 999]);
        expect(rest).toEqual([]);
        expect(task).toEqual({
          id: 10, title: 'Design the appointment slot API', type: 'Task', state: 'Active', project: 'Fiber',
          areaPath: 'Fiber\\Portal', iterationPath: 'Fiber\\Sprint 11', parentId: 5, originalEstimate: 8, completedWork: 2, remainingWork: 6,
          areaId: 101, iterationId: 111, createdDate: '2026-09-01T18:00:00.000Z', changedDate: '2026-09-04T18:00:00.000Z',
          assignedTo: 'Bob Brandt <bob@fabrikam.example>', createdBy: 'Alice Anders <alice@fabrikam.example>', reason: 'Implementation started',
        });
        expect(epic).toMatchObject({ id: 1, type: 'Epic', parentId: null, originalEstimate: null, completedWork: null, remainingWork: null });
      });

      it('adds the values of the fields asked for by reference name, null where an item has none', async () => {
        const fields = ['Microsoft.VSTS.Scheduling.StoryPoints', 'Custom.CostCenter', 'Custom.CustomerFacing', 'System.AssignedTo'];
        const [story, task, epic] = await directory().workItemDetails('fabrikam', [5, 10, 21], fields);
        expect(story?.fields).toEqual({
          'Microsoft.VSTS.Scheduling.StoryPoints': 1, 'Custom.CostCenter': 'CC-4100', 'Custom.CustomerFacing': true,
          'System.AssignedTo': 'Carol Castillo <carol@fabrikam.example>',
        });
        expect(task?.fields).toEqual({
          'Microsoft.VSTS.Scheduling.StoryPoints': null, 'Custom.CostCenter': 'CC-4100', 'Custom.CustomerFacing': null,
          'System.AssignedTo': 'Bob Brandt <bob@fabrikam.example>',
        });
        expect(epic).toMatchObject({ id: 21, assignedTo: null, fields: { 'Custom.CostCenter': 'CC-4200', 'System.AssignedTo': null } });
        expect((await directory().workItemDetails('fabrikam', [10]))[0]?.fields).toBeUndefined();
      });

      it('refuses a field the org does not have', async () => {
        await expect(directory().workItemDetails('fabrikam', [10], ['Custom.NoSuchField'])).rejects.toThrow();
      });

      it('answers for more ids than one workitemsbatch call takes, and nothing for an unknown org', async () => {
        const ids = Array.from({ length: 450 }, (_, index) => index + 1);
        expect(await directory().workItemDetails('fabrikam', ids)).toHaveLength(SEEDED);
        expect(await directory().workItemDetails('northwind', [1])).toEqual([]);
      });
    });

    describe('workItemFieldDefinitions', () => {
      it("lists the org's fields with their types, custom ones included", async () => {
        const fields = await directory().workItemFieldDefinitions('fabrikam');
        const typeOf = (name: string) => fields.find((field) => field.referenceName === name)?.type;
        expect([typeOf('Custom.CostCenter'), typeOf('Custom.CustomerFacing'), typeOf('Microsoft.VSTS.Scheduling.Effort'), typeOf('System.AssignedTo')])
          .toEqual(['string', 'boolean', 'double', 'identity']);
        expect(fields.find((field) => field.referenceName === 'Custom.CostCenter')?.name).toBe('Cost Center');
        expect(await directory().workItemFieldDefinitions('northwind')).toEqual([]);
      });
    });

    describe('workItemIds', () => {
      it("pages through the org's ids in order, above the last one read", async () => {
        expect(await directory().workItemIds('fabrikam', 0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await directory().workItemIds('fabrikam', 20, 100)).toEqual([21, 22, 23, 24, 25]);
        expect(await directory().workItemIds('fabrikam', 25, 100)).toEqual([]);
        expect(await directory().workItemIds('northwind', 0, 10)).toEqual([]);
      });
    });

    describe('descendantLinks', () => {
      it('lists every parent > child edge below an epic, all levels down', async () => {
        const links = await directory().descendantLinks('fabrikam', 21);
        expect(links.map((l) => `${l.parentId}>${l.childId}`).sort()).toEqual(['21>22', '22>23', '23>24', '23>25']);
      });

      it('covers the whole of the first epic and nothing of the second', async () => {
        const children = new Set((await directory().descendantLinks('fabrikam', 1)).map((link) => link.childId));
        expect(children.size).toBe(19);
        expect([21, 22, 23, 24, 25].filter((id) => children.has(id))).toEqual([]);
      });

      it('is empty for a leaf, an unknown item and an unknown org', async () => {
        expect(await directory().descendantLinks('fabrikam', 10)).toEqual([]);
        expect(await directory().descendantLinks('fabrikam', 999)).toEqual([]);
        expect(await directory().descendantLinks('northwind', 1)).toEqual([]);
      });
    });

    describe('searchWorkItems', () => {
      it('finds titles containing the text, ignoring case, at most `top`', async () => {
        const found = await directory().searchWorkItems('fabrikam', 'BOOKING', 10);
        expect(found.map((item) => item.id).sort((a, b) => a - b)).toEqual([2, 16, 20]);
        expect(await directory().searchWorkItems('fabrikam', 'as a customer', 2)).toHaveLength(2);
      });

      it("reads a quote in the text as text, and keeps to the org's own items", async () => {
        expect(await directory().searchWorkItems('fabrikam', "o'clock' OR 1=1", 10)).toEqual([]);
        expect(await directory().searchWorkItems('contoso', 'booking endpoint', 10)).toEqual([]);
      });
    });

    describe('tenancy', () => {
      it('gives the same person distinct user ids in the two orgs', async () => {
        const inFabrikam = await directory().connectionData('fabrikam', await token('fabrikam', 'alice'));
        const inContoso = await directory().connectionData('contoso', await token('contoso', 'alice'));
        expect(inFabrikam?.authenticatedUser.id).toBeDefined();
        expect(inContoso?.authenticatedUser.id).not.toBe(inFabrikam?.authenticatedUser.id);
        expect(inContoso?.organization.id).not.toBe(inFabrikam?.organization.id);
      });

      it('keeps each org to its own work items', async () => {
        const ids = Array.from({ length: SEEDED }, (_, index) => index + 1);
        const titles = async (org: string) => new Set((await directory().workItems(org, ids)).map((item) => item.title));
        const fabrikam = await titles('fabrikam');
        const contoso = await titles('contoso');
        expect(fabrikam.size).toBe(SEEDED);
        expect([...contoso].filter((title) => fabrikam.has(title))).toEqual([]);
      });
    });
  });
}
