/** What Timehub needs to know from Azure DevOps, behind one port. */

export interface DevOpsUser {
  id: string;
  displayName: string;
  uniqueName: string;
}

export interface DevOpsOrganization {
  id: string;
  name: string;
}

export interface ConnectionData {
  organization: DevOpsOrganization;
  authenticatedUser: DevOpsUser;
}

export interface WorkItem {
  id: number;
  title: string;
  type: string;
  state: string;
}

export interface DevOpsDirectory {
  /** Reads `_apis/connectionData` of `orgName` as the owner of `accessToken`; undefined when refused. */
  connectionData(orgName: string, accessToken: string): Promise<ConnectionData | undefined>;
  /** Whether the owner of `accessToken` is a Project Collection Administrator of `orgName`. */
  isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean>;
  /** The work items among `ids` that exist in the organization. */
  workItems(orgName: string, ids: readonly number[]): Promise<WorkItem[]>;
}
