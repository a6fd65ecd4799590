import type { ConnectionData, DevOpsDirectory, WorkItem } from '../../ports/devops-directory.js';
import { verifyLocalAccessToken } from './local-access-token.js';
import { findSeedOrganization, localDevOpsSeed, type DevOpsSeed, type SeedUser } from './local-seed.js';

export interface LocalDevOpsDirectoryOptions {
  accessTokenSecret: string;
  seed?: DevOpsSeed;
}

/** The embedded Azure DevOps: the seeded orgs, answering for local access tokens. */
export class LocalDevOpsDirectory implements DevOpsDirectory {
  private readonly accessTokenSecret: string;
  private readonly seed: DevOpsSeed;

  constructor(options: LocalDevOpsDirectoryOptions) {
    if (options.accessTokenSecret.length === 0) throw new Error('accessTokenSecret must not be empty');
    this.accessTokenSecret = options.accessTokenSecret;
    this.seed = options.seed ?? localDevOpsSeed;
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
    const org = findSeedOrganization(orgName, this.seed);
    if (!org) return [];
    const found: WorkItem[] = [];
    for (const id of new Set(ids)) {
      const item = org.workItems.find((candidate) => candidate.id === id);
      if (item) found.push({ ...item });
    }
    return found;
  }

  /** The seeded user the token was issued to, only when it was issued for `orgName`. */
  private async tokenOwner(orgName: string, accessToken: string): Promise<SeedUser | undefined> {
    const claims = await verifyLocalAccessToken(this.accessTokenSecret, accessToken);
    const org = findSeedOrganization(orgName, this.seed);
    if (!claims || !org || claims.orgName !== org.name.toLowerCase()) return undefined;
    return org.users.find((user) => user.id === claims.userId);
  }
}
