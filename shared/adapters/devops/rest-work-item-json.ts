import { z } from 'zod';
import type { WorkItemDetails, WorkItemLink } from '../../ports/devops-directory.js';

/** The fields Timehub reads of a work item (MicrosoftDocs/vsts-rest-api-specs wit/7.1). */
export const SCHEDULING = {
  originalEstimate: 'Microsoft.VSTS.Scheduling.OriginalEstimate',
  completedWork: 'Microsoft.VSTS.Scheduling.CompletedWork',
  remainingWork: 'Microsoft.VSTS.Scheduling.RemainingWork',
} as const;
export const PARENT_LINK = 'System.LinkTypes.Hierarchy-Reverse';
export const CHILD_LINK = 'System.LinkTypes.Hierarchy-Forward';

const hours = z.number().nullable().optional().transform((value) => value ?? null);
const DetailFields = z.looseObject({
  'System.Title': z.string(),
  'System.WorkItemType': z.string(),
  'System.State': z.string(),
  'System.TeamProject': z.string(),
  'System.AreaPath': z.string(),
  'System.IterationPath': z.string(),
  [SCHEDULING.originalEstimate]: hours,
  [SCHEDULING.completedWork]: hours,
  [SCHEDULING.remainingWork]: hours,
});
const Relation = z.object({ rel: z.string(), url: z.string() });

/** The id at the end of a relation's work item URL (`.../_apis/wit/workItems/42`). */
const linkedId = (url: string) => Number(/\/workItems\/(\d+)$/i.exec(url)?.[1] ?? Number.NaN);

const DetailJson = z.object({ id: z.number().int(), fields: DetailFields, relations: z.array(Relation).nullish() }).transform(
  ({ id, fields: f, relations }): WorkItemDetails => {
    const parent = relations?.find((relation) => relation.rel === PARENT_LINK);
    return {
      id, title: f['System.Title'], type: f['System.WorkItemType'], state: f['System.State'],
      project: f['System.TeamProject'], areaPath: f['System.AreaPath'], iterationPath: f['System.IterationPath'],
      parentId: parent ? linkedId(parent.url) : null,
      originalEstimate: f[SCHEDULING.originalEstimate], completedWork: f[SCHEDULING.completedWork], remainingWork: f[SCHEDULING.remainingWork],
    };
  },
);
/** errorPolicy=omit leaves null where an id does not exist (or is not readable). */
export const WorkItemsBatchJson = z.object({ value: z.array(DetailJson.nullable()) });

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
