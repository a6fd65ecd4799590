import type { WorklogExportQuery } from '../contracts/exports.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { exportFile, type ExportFile } from './export-file.js';
import { readWorklogBatches } from './read-worklog-batches.js';
import { startedIteration } from './started-iteration.js';
import { worklogColumns } from './worklog-columns.js';
import { selectWorklogs } from './worklog-selection.js';

/**
 * The worklogs the caller's role may read, filtered, as a CSV or XLSX file written while
 * they are read. Access is checked and the first page read before anything is answered.
 */
export async function exportWorklogs(ports: Ports, caller: Caller, query: WorklogExportQuery, signal: AbortSignal): Promise<ExportFile> {
  const { format, ...filter } = query;
  const selection = await selectWorklogs(ports, caller, filter);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const batches = await startedIteration(readWorklogBatches(ports.store, selection, signal));
  const name = ['worklogs', caller.orgName, filter.from, filter.to].filter(Boolean).join('-');
  return exportFile(format, name, worklogColumns(activityTypes), batches);
}
