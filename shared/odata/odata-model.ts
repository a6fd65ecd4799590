/**
 * The entity model of 7pace's reporting feed (7PACE-API.md §4.1, the v3.0 `$metadata`), as
 * far as Timehub serves it: names, types and nullability are 7pace's, so that Excel and
 * Power BI reports written against 7pace find the same columns.
 */
import { BUDGET_ASSIGNMENT_TYPE, CUSTOM_FIELDS, ITEM_ENTITY_TYPES, SCHEDULING_FIELDS, p, workItemStrings, type EdmType, type PrimitiveProperty } from './work-item-model.js';

export type { EdmType, PrimitiveProperty };

export interface ComplexProperty {
  name: string;
  complexType: keyof typeof COMPLEX_TYPES;
  nullable: boolean;
}

export type Property = PrimitiveProperty | ComplexProperty;

export const MODELS_NAMESPACE = 'TimetrackerOnline.Reporting.Models';

const c = (name: string, complexType: ComplexProperty['complexType'], nullable = true): ComplexProperty => ({ name, complexType, nullable });

export const COMPLEX_TYPES = {
  ReportingUser: [p('Id', 'Edm.Guid', false), p('Name', 'Edm.String'), p('Email', 'Edm.String')],
  ReportingActivityType: [p('Id', 'Edm.Guid', false), p('Color', 'Edm.String'), p('Name', 'Edm.String')],
  ReportingBudget: [p('Id', 'Edm.Guid'), p('BudgetName', 'Edm.String')],
  ReportingDate: [p('Year', 'Edm.Int32', false), p('Month', 'Edm.Int32', false), p('Day', 'Edm.Int32', false), p('ShortDate', 'Edm.String')],
  // 7pace's work item facts from the work item cache, how a budget covers it, and the customFields asked for.
  ReportingWorkItem: [
    p('BudgetAssignmentType', BUDGET_ASSIGNMENT_TYPE, false), p('System_Id', 'Edm.Int32', false), p('System_AreaId', 'Edm.Int32'), p('System_IterationId', 'Edm.Int32'),
    p('System_CreatedDate', 'Edm.DateTimeOffset'), p('System_RevisedDate', 'Edm.DateTimeOffset'),
    ...workItemStrings.map((name) => p(name, 'Edm.String')),
    ...Object.keys(SCHEDULING_FIELDS).map((name) => p(name, 'Edm.Double')), ...CUSTOM_FIELDS,
  ],
} satisfies Record<string, PrimitiveProperty[]>;

const flags = ['IsTracked', 'IsManuallyEntered', 'IsChanged', 'IsTrackedExtended', 'IsImported', 'IsFromApi', 'IsBillable'];

/** ReportingWorkLog, in 7pace's order, then Timehub's own. */
const WORKLOG_PROPERTIES: Property[] = [
  c('AddedByUser', 'ReportingUser', false), c('ActivityType', 'ReportingActivityType'), c('User', 'ReportingUser', false),
  p('Id', 'Edm.Guid', false), p('UserId', 'Edm.Guid'), p('AddedByUserId', 'Edm.Guid'), p('BudgetId', 'Edm.Guid'),
  p('ActivityTypeId', 'Edm.Guid'), p('WorkItemId', 'Edm.Int32'), p('Timestamp', 'Edm.DateTimeOffset', false),
  p('PeriodLength', 'Edm.Int32', false), p('Comment', 'Edm.String'), p('EditedTimestamp', 'Edm.DateTimeOffset', false),
  p('CreatedTimestamp', 'Edm.DateTimeOffset', false), ...flags.map((name) => p(name, 'Edm.Boolean', false)),
  p('BillablePeriodLength', 'Edm.Int32'), c('EditedByUser', 'ReportingUser'), c('Budget', 'ReportingBudget'),
  c('WorklogDate', 'ReportingDate'),
  // Timehub's internal targets, after 7pace's properties (7pace names nothing Target*).
  p('TargetId', 'Edm.String'), p('TargetName', 'Edm.String'),
];

export interface EntityType {
  name: string;
  properties: Property[];
  /** The key property; Id when left out. */
  key?: string;
}

const WITH_WORK_ITEM = [...WORKLOG_PROPERTIES, c('WorkItem', 'ReportingWorkItem')];
const IS_DELETED = p('IsDeleted', 'Edm.Boolean', false);

/** The …WithDeleted types add IsDeleted (7pace's v3.3-beta; their type names are not published, these are Timehub's). */
export const ENTITY_TYPES = {
  ReportingWorkLog: { name: 'ReportingWorkLog', properties: WORKLOG_PROPERTIES },
  ReportingWorkLogWorkItem: { name: 'ReportingWorkLogWorkItem', properties: WITH_WORK_ITEM },
  ReportingWorkLogWithDeleted: { name: 'ReportingWorkLogWithDeleted', properties: [...WORKLOG_PROPERTIES, IS_DELETED] },
  ReportingWorkLogWorkItemWithDeleted: { name: 'ReportingWorkLogWorkItemWithDeleted', properties: [...WITH_WORK_ITEM, IS_DELETED] },
} satisfies Record<string, EntityType>;

/** The versions that have the …WithDeleted sets ("Only available in 3.3-beta"; 7pace also shows v3.3). */
const SOFT_DELETE_VERSIONS = ['v3.3-beta', 'v3.3'];

export interface EntitySet {
  type: EntityType;
  withWorkItem: boolean;
  withDeleted: boolean;
  /** Served in these versions only; every version when left out. */
  versions?: readonly string[];
}

/** The worklog sets, read by queryFeed. */
export const ENTITY_SETS: Record<'workLogsOnly' | 'workLogsWorkItems' | 'workLogsOnlyWithDeleted' | 'workLogsWorkItemsWithDeleted', EntitySet> = {
  workLogsOnly: { type: ENTITY_TYPES.ReportingWorkLog, withWorkItem: false, withDeleted: false },
  workLogsWorkItems: { type: ENTITY_TYPES.ReportingWorkLogWorkItem, withWorkItem: true, withDeleted: false },
  workLogsOnlyWithDeleted: { type: ENTITY_TYPES.ReportingWorkLogWithDeleted, withWorkItem: false, withDeleted: true, versions: SOFT_DELETE_VERSIONS },
  workLogsWorkItemsWithDeleted: { type: ENTITY_TYPES.ReportingWorkLogWorkItemWithDeleted, withWorkItem: true, withDeleted: true, versions: SOFT_DELETE_VERSIONS },
};

export type EntitySetName = keyof typeof ENTITY_SETS;

/** The work item and budget sets, read by queryItemFeed. */
export const ITEM_SETS = {
  workItems: { type: ITEM_ENTITY_TYPES.ReportingWorkItemFlat },
  workItemsHierarchy: { type: ITEM_ENTITY_TYPES.ReportingWorkItemHierarchy },
  workItemsHierarchyAllLevels: { type: ITEM_ENTITY_TYPES.ReportingWorkItemHierarchy },
  budgets: { type: ITEM_ENTITY_TYPES.ReportingBudgetExtended },
} satisfies Record<string, { type: EntityType; versions?: readonly string[] }>;

export type ItemSetName = keyof typeof ITEM_SETS;

/** Every set, in the order the service document lists them. */
const ALL_SETS: [EntitySetName | ItemSetName, { type: EntityType; versions?: readonly string[] }][] = [
  ['workLogsOnly', ENTITY_SETS.workLogsOnly], ['workLogsWorkItems', ENTITY_SETS.workLogsWorkItems],
  ...Object.entries(ITEM_SETS) as [ItemSetName, { type: EntityType }][],
  ['workLogsOnlyWithDeleted', ENTITY_SETS.workLogsOnlyWithDeleted], ['workLogsWorkItemsWithDeleted', ENTITY_SETS.workLogsWorkItemsWithDeleted],
];

/** The sets a version of the feed serves. */
export const setsOf = (version: string) => ALL_SETS.filter(([, set]) => !set.versions || set.versions.includes(version.toLowerCase()));

export interface ResolvedPath {
  /** The path as the model spells it. */
  path: string[];
  type: EdmType | 'complex';
}

/** A property path of an entity type, matched ignoring case; undefined when there is none. */
export function resolvePath(entity: EntityType, path: readonly string[]): ResolvedPath | undefined {
  const [head, ...rest] = path;
  const property = entity.properties.find((prop) => prop.name.toLowerCase() === head?.toLowerCase());
  if (!property) return undefined;
  if (!('complexType' in property)) return rest.length ? undefined : { path: [property.name], type: property.type };
  if (!rest.length) return { path: [property.name], type: 'complex' };
  const members: PrimitiveProperty[] = COMPLEX_TYPES[property.complexType];
  const member = rest.length === 1 ? members.find((prop) => prop.name.toLowerCase() === rest[0]!.toLowerCase()) : undefined;
  return member && { path: [property.name, member.name], type: member.type };
}
