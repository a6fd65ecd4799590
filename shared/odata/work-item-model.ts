/**
 * 7pace's work item and budget entity types (7PACE-API.md §4.1): the properties Timehub
 * fills from its work item cache, all-time rollups and budgets, in 7pace's names. Kept
 * apart from odata-model.ts, which imports these (never the other way round).
 */
/** 7pace's one enum type (S3's `$metadata`), in a schema of its own; its values travel as member names. */
export const ENUM_NAMESPACE = 'TimetrackerOnline.Entities.Extensions';
export const BUDGET_ASSIGNMENT_TYPE = `${ENUM_NAMESPACE}.BudgetAssignmentType` as const;
/** Its members and values; InheritedFromIteration (4) never applies: Timehub's budgets hang on work items only. */
export const BUDGET_ASSIGNMENT_MEMBERS = { NotComputed: 0, NoBudget: 1, DirectlyAssigned: 2, InheritedFromParent: 3, InheritedFromIteration: 4 } as const;
export type BudgetAssignment = keyof typeof BUDGET_ASSIGNMENT_MEMBERS;

export type EdmType = 'Edm.Guid' | 'Edm.Int32' | 'Edm.Double' | 'Edm.String' | 'Edm.Boolean' | 'Edm.DateTimeOffset' | typeof BUDGET_ASSIGNMENT_TYPE;

export interface PrimitiveProperty {
  name: string;
  type: EdmType;
  nullable: boolean;
}

export const p = (name: string, type: EdmType, nullable = true): PrimitiveProperty => ({ name, type, nullable });

export const workItemStrings = [
  'System_AreaPath', 'System_AssignedTo', 'System_CreatedBy', 'System_IterationPath', 'System_NodeName', 'System_Reason',
  'System_State', 'System_TeamProject', 'System_Title', 'System_WorkItemType',
];

/** The scheduling fields the cache holds (hours, as Azure DevOps keeps them). */
export const SCHEDULING_FIELDS = {
  Microsoft_VSTS_Scheduling_OriginalEstimate: 'originalEstimate',
  Microsoft_VSTS_Scheduling_CompletedWork: 'completedWork',
  Microsoft_VSTS_Scheduling_RemainingWork: 'remainingWork',
} as const;

const WORK_ITEM_FIELDS: PrimitiveProperty[] = [
  p('System_Id', 'Edm.Int32', false), p('System_AreaId', 'Edm.Int32'), p('System_IterationId', 'Edm.Int32'),
  p('System_CreatedDate', 'Edm.DateTimeOffset'), p('System_RevisedDate', 'Edm.DateTimeOffset'),
  ...workItemStrings.map((name) => p(name, 'Edm.String')),
  ...Object.keys(SCHEDULING_FIELDS).map((name) => p(name, 'Edm.Double')),
];

/** customFields=Ref.Name,...: the n-th field named fills Custom<its type>Field<n> (7PACE-API.md §4.2). */
export const CUSTOM_FIELD_KINDS = { String: 'Edm.String', Numeric: 'Edm.Double', Boolean: 'Edm.Boolean' } as const;
export type CustomFieldKind = keyof typeof CUSTOM_FIELD_KINDS;
export const MAX_CUSTOM_FIELDS = 5;
const slots = Array.from({ length: MAX_CUSTOM_FIELDS }, (_, i) => i + 1);
export const customFieldName = (kind: CustomFieldKind, position: number) => `Custom${kind}Field${position}`;
export const rollupValueName = (position: number) => `RollupValue${position}`;
export const CUSTOM_FIELDS: PrimitiveProperty[] = (Object.entries(CUSTOM_FIELD_KINDS) as [CustomFieldKind, EdmType][])
  .flatMap(([kind, type]) => slots.map((n) => p(customFieldName(kind, n), type)));
const ROLLUP_VALUES = slots.map((n) => p(rollupValueName(n), 'Edm.Double'));

/** The budget covering the item (ReportingBudget, declared in odata-model.ts) and how it came to. */
const BUDGET = [
  { name: 'Budget', complexType: 'ReportingBudget', nullable: true } as const,
  p('BudgetAssignmentType', BUDGET_ASSIGNMENT_TYPE, false),
];

/** Timehub's own, after 7pace's: the parent's id (7pace has it as the navigation property Parent). */
const PARENT_ID = p('ParentId', 'Edm.Int32');

/** Calculated, in seconds, from the all-time rollups (never a worklog scan). */
const TRACKED_ITSELF = [p('TrackedItself', 'Edm.Int32', false), p('TrackedItselfBillable', 'Edm.Int32', false)];
const TRACKED_TOTAL = [p('TrackedTotal', 'Edm.Int32', false), p('TrackedTotalBillable', 'Edm.Int32', false), p('HasChildren', 'Edm.Boolean', false)];

export const ITEM_ENTITY_TYPES = {
  ReportingWorkItemFlat: {
    name: 'ReportingWorkItemFlat', key: 'System_Id', properties: [...BUDGET, ...WORK_ITEM_FIELDS, ...TRACKED_ITSELF, ...CUSTOM_FIELDS, PARENT_ID],
  },
  ReportingWorkItemHierarchy: {
    name: 'ReportingWorkItemHierarchy', key: 'System_Id',
    properties: [...BUDGET, ...WORK_ITEM_FIELDS, ...TRACKED_ITSELF, ...TRACKED_TOTAL, ...ROLLUP_VALUES, ...CUSTOM_FIELDS, PARENT_ID],
  },
  ReportingBudgetExtended: {
    name: 'ReportingBudgetExtended',
    key: 'Id',
    properties: [
      p('Id', 'Edm.Guid', false), p('BudgetName', 'Edm.String'), p('Planned', 'Edm.Int32', false), p('Tracked', 'Edm.Int32'),
      p('Billed', 'Edm.Int32'), p('Comment', 'Edm.String'), p('Closed', 'Edm.Boolean', false), p('ClosedDate', 'Edm.DateTimeOffset'),
      p('CreatedDate', 'Edm.DateTimeOffset'),
      // Timehub's own, after 7pace's: the budgeted work item, the billable plan and what is left (seconds).
      p('WorkItemId', 'Edm.Int32', false), p('PlannedBillable', 'Edm.Int32'), p('Remaining', 'Edm.Int32', false),
    ],
  },
};
