import { z } from 'zod';
import type { FieldValue, WorkItem, WorkItemDetails, WorkItemFieldDefinition, WorkItemLink } from '../../ports/devops-directory.js';

/** The fields Timehub reads of a work item (MicrosoftDocs/vsts-rest-api-specs wit/7.1). */
export const SCHEDULING = {
  originalEstimate: 'Microsoft.VSTS.Scheduling.OriginalEstimate',
  completedWork: 'Microsoft.VSTS.Scheduling.CompletedWork',
  remainingWork: 'Microsoft.VSTS.Scheduling.RemainingWork',
} as const;
export const PARENT_LINK = 'System.LinkTypes.Hierarchy-Reverse';
export const CHILD_LINK = 'System.LinkTypes.Hierarchy-Forward';

/** The System fields read with every item (System.Parent instead of `$expand=relations`, which `fields` excludes). */
export const SYSTEM_FIELDS = [
  'System.Id', 'System.Title', 'System.WorkItemType', 'System.State', 'System.TeamProject', 'System.AreaPath', 'System.IterationPath',
  'System.Parent', 'System.AreaId', 'System.IterationId', 'System.CreatedDate', 'System.ChangedDate', 'System.AssignedTo', 'System.CreatedBy',
  'System.Reason',
] as const;
export const DETAIL_FIELDS: readonly string[] = [...SYSTEM_FIELDS, ...Object.values(SCHEDULING)];

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const hours = nullish(z.number());
/** An identity field: an IdentityRef since api-version 5.0, plain text before. */
const Identity = z.union([z.string(), z.object({ displayName: z.string(), uniqueName: z.string().optional() })]);
const identityText = (identity: z.infer<typeof Identity>) =>
  typeof identity === 'string' ? identity : identity.uniqueName ? `${identity.displayName} <${identity.uniqueName}>` : identity.displayName;

/** Any field's value as Timehub keeps it: identities as text, other objects (links, rich values) as none. */
export function fieldValue(value: unknown): FieldValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const identity = Identity.safeParse(value);
  return identity.success ? identityText(identity.data) : null;
}

const DetailFields = z.looseObject({
  'System.Title': z.string(),
  'System.WorkItemType': z.string(),
  'System.State': z.string(),
  'System.TeamProject': z.string(),
  'System.AreaPath': z.string(),
  'System.IterationPath': z.string(),
  'System.Parent': nullish(z.number().int()),
  'System.AreaId': nullish(z.number().int()),
  'System.IterationId': nullish(z.number().int()),
  'System.CreatedDate': nullish(z.string()),
  'System.ChangedDate': nullish(z.string()),
  'System.AssignedTo': nullish(Identity),
  'System.CreatedBy': nullish(Identity),
  'System.Reason': nullish(z.string()),
  [SCHEDULING.originalEstimate]: hours,
  [SCHEDULING.completedWork]: hours,
  [SCHEDULING.remainingWork]: hours,
});
const Relation = z.object({ rel: z.string(), url: z.string() });

/** The id at the end of a relation's work item URL (`.../_apis/wit/workItems/42`). */
const linkedId = (url: string) => Number(/\/workItems\/(\d+)$/i.exec(url)?.[1] ?? Number.NaN);

/** An item with its fields; `raw` keeps every field sent, for the further fields asked for. */
const DetailJson = z.object({ id: z.number().int(), fields: DetailFields, relations: z.array(Relation).nullish() }).transform(
  ({ id, fields: f, relations }): { item: WorkItemDetails; raw: Record<string, unknown> } => {
    const parent = relations?.find((relation) => relation.rel === PARENT_LINK);
    const item: WorkItemDetails = {
      id, title: f['System.Title'], type: f['System.WorkItemType'], state: f['System.State'],
      project: f['System.TeamProject'], areaPath: f['System.AreaPath'], iterationPath: f['System.IterationPath'],
      parentId: parent ? linkedId(parent.url) : f['System.Parent'],
      originalEstimate: f[SCHEDULING.originalEstimate], completedWork: f[SCHEDULING.completedWork], remainingWork: f[SCHEDULING.remainingWork],
      areaId: f['System.AreaId'], iterationId: f['System.IterationId'], createdDate: f['System.CreatedDate'], changedDate: f['System.ChangedDate'],
      assignedTo: f['System.AssignedTo'] && identityText(f['System.AssignedTo']), createdBy: f['System.CreatedBy'] && identityText(f['System.CreatedBy']),
      reason: f['System.Reason'],
    };
    return { item, raw: f };
  },
);
/** errorPolicy=omit leaves null where an id does not exist (or is not readable). */
export const WorkItemsBatchJson = z.object({ value: z.array(DetailJson.nullable()) });

/** The item with the values of `fields` (matched ignoring case, as Azure DevOps does); absent ones are null. */
export function withFields({ item, raw }: { item: WorkItemDetails; raw: Record<string, unknown> }, fields: readonly string[] | undefined): WorkItemDetails {
  if (!fields) return item;
  const byName = new Map(Object.entries(raw).map(([name, value]) => [name.toLowerCase(), value]));
  return { ...item, fields: Object.fromEntries(fields.map((name) => [name, fieldValue(byName.get(name.toLowerCase()))])) };
}

/** `GET _apis/wit/fields`: the org's fields. */
export const FieldsJson = z.object({
  value: z.array(z.object({ referenceName: z.string(), name: z.string(), type: z.string() })),
}).transform(({ value }): WorkItemFieldDefinition[] => value.map(({ referenceName, name, type }) => ({ referenceName, name, type })));

const Ref = z.object({ id: z.number().int() });
/** WIQL over WorkItemLinks: the root comes with no source and no rel, then one entry per link. */
export const WiqlLinksJson = z.object({
  workItemRelations: z.array(z.object({ rel: z.string().nullable(), source: Ref.nullable(), target: Ref })),
}).transform(({ workItemRelations }): WorkItemLink[] =>
  workItemRelations.flatMap(({ rel, source, target }) => (rel === CHILD_LINK && source ? [{ parentId: source.id, childId: target.id }] : [])),
);
export const WiqlItemsJson = z.object({ workItems: z.array(Ref) });

/** WIQL string literal: single quotes doubled. */
export const wiqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Work Items - List accepts at most 200 ids (VS403474 beyond that). */
export const MAX_WORK_ITEMS_PER_REQUEST = 200;
export const WORK_ITEM_FIELDS = ['System.Title', 'System.WorkItemType', 'System.State'] as const;
/** WIQL answers at most this many work items (VS402337 beyond). */
export const MAX_WIQL_RESULTS = 20_000;
const Fields = z.object({ 'System.Title': z.string(), 'System.WorkItemType': z.string(), 'System.State': z.string() });
const WorkItemJson = z.object({ id: z.number().int(), fields: Fields }).transform(
  ({ id, fields: f }): WorkItem => ({ id, title: f['System.Title'], type: f['System.WorkItemType'], state: f['System.State'] }),
);
// errorPolicy=omit leaves null where an id does not exist (or is not readable).
export const WorkItemsJson = z.object({ value: z.array(WorkItemJson.nullable()) });
