import type { DevOpsUser, FieldValue, WorkItemDetails, WorkItemFieldDefinition } from '../../ports/devops-directory.js';

type Person = Pick<DevOpsUser, 'displayName' | 'uniqueName'>;

const def = (referenceName: string, name: string, type: string): WorkItemFieldDefinition => ({ referenceName, name, type });

/** The fields of the seeded orgs' process: Azure DevOps' own, and two custom ones as an admin would add them. */
export const SEED_FIELD_DEFINITIONS: readonly WorkItemFieldDefinition[] = [
  def('System.Id', 'ID', 'integer'), def('System.Title', 'Title', 'string'), def('System.WorkItemType', 'Work Item Type', 'string'),
  def('System.State', 'State', 'string'), def('System.Reason', 'Reason', 'string'), def('System.TeamProject', 'Team Project', 'string'),
  def('System.AreaPath', 'Area Path', 'treePath'), def('System.IterationPath', 'Iteration Path', 'treePath'),
  def('System.AreaId', 'Area ID', 'integer'), def('System.IterationId', 'Iteration ID', 'integer'), def('System.NodeName', 'Node Name', 'string'),
  def('System.Parent', 'Parent', 'integer'), def('System.CreatedDate', 'Created Date', 'dateTime'), def('System.ChangedDate', 'Changed Date', 'dateTime'),
  def('System.AssignedTo', 'Assigned To', 'identity'), def('System.CreatedBy', 'Created By', 'identity'), def('System.Description', 'Description', 'html'),
  def('Microsoft.VSTS.Common.Priority', 'Priority', 'integer'),
  def('Microsoft.VSTS.Scheduling.OriginalEstimate', 'Original Estimate', 'double'), def('Microsoft.VSTS.Scheduling.CompletedWork', 'Completed Work', 'double'),
  def('Microsoft.VSTS.Scheduling.RemainingWork', 'Remaining Work', 'double'), def('Microsoft.VSTS.Scheduling.Effort', 'Effort', 'double'),
  def('Microsoft.VSTS.Scheduling.StoryPoints', 'Story Points', 'double'),
  def('Custom.CostCenter', 'Cost Center', 'string'), def('Custom.CustomerFacing', 'Customer Facing', 'boolean'),
];

const REASONS: Record<string, string> = {
  New: 'New', Active: 'Implementation started', Resolved: 'Code complete and unit tests pass', Closed: 'Acceptance tests pass',
};
const STORY_POINTS = [1, 2, 3, 5, 8];
const DAY_MS = 86_400_000;

/** Identities as Azure DevOps writes them as text. */
export const identityText = (user: Person) => `${user.displayName} <${user.uniqueName}>`;

/**
 * The System fields and custom values of a seeded item, fixed by its id: created in
 * September 2026 by the org's first user, assigned once work started, story points on
 * stories, effort on features, a cost center per epic, and whether customers see it.
 */
export function seedSystemFields(
  item: Pick<WorkItemDetails, 'id' | 'type' | 'state' | 'title'>, users: readonly Person[], nodeIds: { area: number; iteration: number }, costCenters: readonly [string, string],
): Omit<WorkItemDetails, 'id' | 'title' | 'type' | 'state' | 'project' | 'areaPath' | 'iterationPath' | 'parentId' | 'originalEstimate' | 'completedWork' | 'remainingWork'> {
  const created = Date.parse('2026-09-01T08:00:00Z') + item.id * 3_600_000;
  const fields: Record<string, FieldValue> = { 'Custom.CostCenter': item.id < 21 ? costCenters[0] : costCenters[1] };
  if (item.type === 'User Story') fields['Microsoft.VSTS.Scheduling.StoryPoints'] = STORY_POINTS[item.id % STORY_POINTS.length]!;
  if (item.type === 'Feature') fields['Microsoft.VSTS.Scheduling.Effort'] = 10 + item.id;
  if (item.type === 'User Story' || item.type === 'Bug') fields['Custom.CustomerFacing'] = item.type === 'Bug' || item.title.startsWith('As a customer');
  const assignee = item.state === 'New' ? undefined : users[item.id % users.length];
  return {
    areaId: nodeIds.area, iterationId: nodeIds.iteration + (item.id % 3),
    createdDate: new Date(created).toISOString(), changedDate: new Date(created + (item.id % 7) * DAY_MS).toISOString(),
    assignedTo: assignee ? identityText(assignee) : null, createdBy: users[0] ? identityText(users[0]) : null,
    reason: REASONS[item.state] ?? item.state, fields,
  };
}

/** Every field of an item that has a value, by reference name, as Azure DevOps holds them. */
export function fieldValuesOf(item: WorkItemDetails): Record<string, FieldValue> {
  const all: Record<string, FieldValue | undefined> = {
    'System.Id': item.id, 'System.Title': item.title, 'System.WorkItemType': item.type, 'System.State': item.state, 'System.Reason': item.reason,
    'System.TeamProject': item.project, 'System.AreaPath': item.areaPath, 'System.IterationPath': item.iterationPath,
    'System.AreaId': item.areaId, 'System.IterationId': item.iterationId, 'System.NodeName': item.areaPath.split('\\').at(-1),
    'System.Parent': item.parentId, 'System.CreatedDate': item.createdDate, 'System.ChangedDate': item.changedDate,
    'System.AssignedTo': item.assignedTo, 'System.CreatedBy': item.createdBy,
    'Microsoft.VSTS.Scheduling.OriginalEstimate': item.originalEstimate, 'Microsoft.VSTS.Scheduling.CompletedWork': item.completedWork,
    'Microsoft.VSTS.Scheduling.RemainingWork': item.remainingWork, ...item.fields,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, FieldValue] => entry[1] !== undefined && entry[1] !== null));
}
