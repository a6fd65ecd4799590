import {
  DevOpsThrottledError, type ConnectionData, type DevOpsDirectory, type SchedulingFieldChanges, type WorkItem, type WorkItemDetails,
  type WorkItemFieldDefinition, type WorkItemFields, type WorkItemLink, type WorkItemUpdateResult,
} from '../../ports/devops-directory.js';
import { verifyLocalAccessToken } from './local-access-token.js';
import { findSeedOrganization, localDevOpsSeed, type DevOpsSeed, type SeedUser } from './local-seed.js';
import { SEED_FIELD_DEFINITIONS } from './seed-work-item-fields.js';
import { SeedWorkItems } from './seed-work-items.js';

export interface LocalDevOpsDirectoryOptions {
  accessTokenSecret: string;
  seed?: DevOpsSeed;
}

/** The embedded Azure DevOps: the seeded orgs, answering for local access tokens. */
export class LocalDevOpsDirectory implements DevOpsDirectory {
  private readonly accessTokenSecret: string;
  private readonly seed: DevOpsSeed;
  /** Per org (lower-case name): its work items, which `updateWorkItem` changes as Azure DevOps would. */
  private readonly items = new Map<string, SeedWorkItems>();
  /** Refusals still to give on single work item calls (reads and updates), as 429 with this Retry-After. */
  private readonly throttles: number[] = [];

  constructor(options: LocalDevOpsDirectoryOptions) {
    if (options.accessTokenSecret.length === 0) throw new Error('accessTokenSecret must not be empty');
    this.accessTokenSecret = options.accessTokenSecret;
    this.seed = options.seed ?? localDevOpsSeed;
    for (const org of this.seed.organizations) this.items.set(org.name.toLowerCase(), new SeedWorkItems(org.workItems));
  }

  async connectionData(orgName: string, accessToken: string): Promise<ConnectionData | undefined> {
    const org = findSeedOrganization(orgName, this.seed);
    const user = await this.tokenOwner(orgName, accessToken);
    if (!org || !user) return undefined;
    return {
      organization: { id: org.id, name: org.name },
      authenticatedUser: { id: user.id, displayName: user.displayName, uniqueName: user.uniqueName },
    };
  }

  async isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean> {
    const user = await this.tokenOwner(orgName, accessToken);
    return user?.isCollectionAdmin ?? false;
  }

  async workItems(orgName: string, ids: readonly number[]): Promise<WorkItem[]> {
    return this.workItemsOf(orgName)?.basics(ids) ?? [];
  }

  async workItemDetails(orgName: string, ids: readonly number[], fields?: readonly string[]): Promise<WorkItemDetails[]> {
    return this.workItemsOf(orgName)?.details(ids, fields) ?? [];
  }

  async workItemFieldDefinitions(orgName: string): Promise<WorkItemFieldDefinition[]> {
    return this.workItemsOf(orgName) ? SEED_FIELD_DEFINITIONS.map((field) => ({ ...field })) : [];
  }

  async workItemIds(orgName: string, afterId: number, top: number): Promise<number[]> {
    return this.workItemsOf(orgName)?.ids(afterId, top) ?? [];
  }

  async descendantLinks(orgName: string, rootId: number): Promise<WorkItemLink[]> {
    return this.workItemsOf(orgName)?.descendantLinks(rootId) ?? [];
  }

  async searchWorkItems(orgName: string, text: string, top: number): Promise<WorkItemDetails[]> {
    return this.workItemsOf(orgName)?.search(text, top) ?? [];
  }

  async workItemFields(orgName: string, id: number): Promise<WorkItemFields | undefined> {
    this.throwIfThrottled();
    return this.workItemsOf(orgName)?.fields(id);
  }

  async workItemRevision(orgName: string, id: number, rev: number): Promise<WorkItemFields | undefined> {
    this.throwIfThrottled();
    return this.workItemsOf(orgName)?.fields(id, rev);
  }

  async updateWorkItemFields(orgName: string, id: number, rev: number, changes: SchedulingFieldChanges): Promise<WorkItemUpdateResult> {
    this.throwIfThrottled();
    return this.workItemsOf(orgName)?.patch(id, rev, changes) ?? { outcome: 'missing' };
  }

  /** The next `count` single work item calls are refused as Azure DevOps refuses past its rate limit. */
  throttleWorkItemCalls(retryAfterSeconds: number, count = 1) {
    for (let i = 0; i < count; i++) this.throttles.push(retryAfterSeconds);
  }

  /** The Retry-After of the next refusal due, if any (the fake server answers 429 with it). */
  takeThrottle(): number | undefined {
    return this.throttles.shift();
  }

  private throwIfThrottled() {
    const retryAfter = this.takeThrottle();
    if (retryAfter !== undefined) throw new DevOpsThrottledError(retryAfter);
  }

  /** Deletes a work item as someone would in Azure DevOps. */
  deleteWorkItem(orgName: string, id: number): boolean {
    return this.workItemsOf(orgName)?.remove(id) ?? false;
  }

  /** Creates a work item as someone would in Azure DevOps. */
  createWorkItem(orgName: string, item: WorkItemDetails) {
    this.workItemsOf(orgName)?.add(item);
  }

  /** Changes a work item as someone would in Azure DevOps (e.g. moves it to another parent). */
  updateWorkItem(orgName: string, id: number, changes: Partial<Omit<WorkItemDetails, 'id'>>) {
    return this.workItemsOf(orgName)?.update(id, changes);
  }

  /** The org's work items as this directory holds them (the fake Azure DevOps server answers from them). */
  workItemsOf(orgName: string) {
    return this.items.get(orgName.toLowerCase());
  }

  /** The seeded user the token was issued to, only when it was issued for `orgName`. */
  private async tokenOwner(orgName: string, accessToken: string): Promise<SeedUser | undefined> {
    const claims = await verifyLocalAccessToken(this.accessTokenSecret, accessToken);
    const org = findSeedOrganization(orgName, this.seed);
    if (!claims || !org || claims.orgName !== org.name.toLowerCase()) return undefined;
    return org.users.find((user) => user.id === claims.userId);
  }
}
