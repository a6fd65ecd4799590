import type { ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { fieldDefinitions } from '../work-items/work-item-field-definitions.js';
import { fieldNames, resolveFields, type RequestedFields } from './custom-fields.js';
import type { EntitySetName, ItemSetName } from './odata-model.js';

const NONE: RequestedFields = { custom: [], rollup: [] };

/** The sets whose rows carry a work item's fields (workLogsWorkItems in its WorkItem). */
const WITH_WORK_ITEM_FIELDS = new Set<string>(['workItems', 'workItemsHierarchy', 'workItemsHierarchyAllLevels', 'workLogsWorkItems', 'workLogsWorkItemsWithDeleted']);

/**
 * 7pace's customFields and rollupFields of a request, checked for syntax and count first,
 * then against the org's fields (read from Azure DevOps only when named): 400 naming a field
 * the org lacks, or rollupFields outside the hierarchy sets. Sets without work item fields
 * (workLogsOnly, budgets) take customFields and leave it aside.
 */
export async function requestedFields(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, caller: Caller, set: ItemSetName | EntitySetName, query: ODataQuery): Promise<RequestedFields> {
  const names = { custom: fieldNames('customFields', query.customFields), rollup: fieldNames('rollupFields', query.rollupFields) };
  if (!WITH_WORK_ITEM_FIELDS.has(set)) names.custom = [];
  if (names.rollup.length > 0 && set !== 'workItemsHierarchy' && set !== 'workItemsHierarchyAllLevels') {
    throw badRequest('odata.invalid_option', 'rollupFields: served on workItemsHierarchy and workItemsHierarchyAllLevels, which sum a field over the items below');
  }
  if (names.custom.length === 0 && names.rollup.length === 0) return NONE;
  return resolveFields(names, await fieldDefinitions(ports, { orgId: caller.orgId, orgName: caller.orgName }));
}
