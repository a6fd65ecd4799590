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

/** A work item field's value as Timehub keeps it: identities as their display text, date-times as ISO text. */
export type FieldValue = string | number | boolean | null;

/** What Timehub caches of a work item: where it sits in the hierarchy and its scheduling fields (hours). */
export interface WorkItemDetails extends WorkItem {
  project: string;
  areaPath: string;
  iterationPath: string;
  parentId: number | null;
  originalEstimate: number | null;
  completedWork: number | null;
  remainingWork: number | null;
  // The System fields 7pace's reports show; optional because items cached before they were read lack them.
  areaId?: number | null;
  iterationId?: number | null;
  createdDate?: string | null;
  /** System.ChangedDate: when the latest revision was made. */
  changedDate?: string | null;
  /** Identities as Azure DevOps writes them as text: `Display Name <unique name>`. */
  assignedTo?: string | null;
  createdBy?: string | null;
  reason?: string | null;
  /** The further fields asked for, by reference name; a field asked for without a value is null. */
  fields?: Record<string, FieldValue>;
}

/** A field's reference name as Azure DevOps makes them (`Custom.CostCenter`, `Microsoft.VSTS.Scheduling.Effort`). */
export const FIELD_REFERENCE_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;

/** One field of the org's processes (`_apis/wit/fields`): its type as Azure DevOps names it (string, integer, double, boolean, dateTime, identity, ...). */
export interface WorkItemFieldDefinition {
  referenceName: string;
  name: string;
  type: string;
}

/** One parent > child edge of the work item hierarchy. */
export interface WorkItemLink {
  parentId: number;
  childId: number;
}

/** Azure DevOps refused for now (429): nothing more for this identity until `retryAfterSeconds` pass. */
export class DevOpsThrottledError extends Error {
  readonly code = 'devops.throttled';
  constructor(readonly retryAfterSeconds: number) {
    super(`Azure DevOps is throttling Timehub's identity; retry after ${retryAfterSeconds} s`);
    this.name = 'DevOpsThrottledError';
  }
}

/** The fields Timehub writes back, as the work item holds them at revision `rev` (hours). */
export interface WorkItemFields {
  id: number;
  rev: number;
  type: string;
  completedWork: number | null;
  remainingWork: number | null;
}

/** New values for the scheduling fields; a field left out is not touched. */
export interface SchedulingFieldChanges {
  completedWork?: number;
  remainingWork?: number;
}

/** 'stale': someone changed the item since `rev` (Azure DevOps answered 412/409); nothing was written. */
export type WorkItemUpdateResult = { outcome: 'updated'; rev: number } | { outcome: 'stale' } | { outcome: 'missing' };

export interface DevOpsDirectory {
  /** Reads `_apis/connectionData` of `orgName` as the owner of `accessToken`; undefined when refused. */
  connectionData(orgName: string, accessToken: string): Promise<ConnectionData | undefined>;
  /** Whether the owner of `accessToken` is a Project Collection Administrator of `orgName`. */
  isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean>;
  /** The work items among `ids` that exist in the organization. */
  workItems(orgName: string, ids: readonly number[]): Promise<WorkItem[]>;
  /**
   * The same with paths, parent, scheduling and System fields (`workitemsbatch`), plus the
   * values of `fields` (reference names the org has; another is refused) in `fields`.
   */
  workItemDetails(orgName: string, ids: readonly number[], fields?: readonly string[]): Promise<WorkItemDetails[]>;
  /** Every field the org's processes define. */
  workItemFieldDefinitions(orgName: string): Promise<WorkItemFieldDefinition[]>;
  /** Up to `top` ids of the org's work items (all projects) above `afterId`, ascending (a flat WIQL). */
  workItemIds(orgName: string, afterId: number, top: number): Promise<number[]>;
  /** Every parent > child edge below `rootId`, all levels down; empty when it has no children or does not exist. */
  descendantLinks(orgName: string, rootId: number): Promise<WorkItemLink[]>;
  /** Up to `top` work items whose title contains `text` (case-insensitive), most recently changed first. */
  searchWorkItems(orgName: string, text: string, top: number): Promise<WorkItemDetails[]>;
  /** The item's current revision and scheduling fields; undefined when it does not exist (or was deleted). */
  workItemFields(orgName: string, id: number): Promise<WorkItemFields | undefined>;
  /** The same as of revision `rev` (to tell whether an update that was cut off landed); undefined when there is none. */
  workItemRevision(orgName: string, id: number, rev: number): Promise<WorkItemFields | undefined>;
  /**
   * Sets the fields only if the item is still at revision `rev` (JSON Patch `test` on `/rev`),
   * as Timehub's own identity. Throws DevOpsThrottledError on 429.
   */
  updateWorkItemFields(orgName: string, id: number, rev: number, changes: SchedulingFieldChanges): Promise<WorkItemUpdateResult>;
}
