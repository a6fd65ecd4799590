import type { BulkActionRequest, BulkJobView, BulkPreview, ExplorerQueryFilter } from '../../shared/explorer-api.js';
import { bulkFilterOf } from '../../shared/explorer-api.js';
import type { Choice } from '../../shared/form-fields.js';

export type ChangeKind = 'activityType' | 'billable' | 'notBillable' | 'workItem' | 'target' | 'delete';

export const CHANGE_CHOICES: Choice[] = [
  { id: 'activityType', text: 'Change the activity type' },
  { id: 'billable', text: 'Make billable' },
  { id: 'notBillable', text: 'Make not billable' },
  { id: 'workItem', text: 'Move to another work item' },
  { id: 'target', text: 'Move to a target' },
  { id: 'delete', text: 'Delete' },
];

/** What the person chose in the panel; `value` is the activity type id ('' for none), the work item id as typed or the target id. */
export interface BulkChoice {
  kind: ChangeKind;
  value: string;
  scope: 'selection' | 'filter';
}

type Change = BulkActionRequest['change'];

/** The change the choice asks for, or undefined while it is incomplete. */
export function changeOf(choice: BulkChoice): Change | undefined {
  switch (choice.kind) {
    case 'activityType': return { kind: 'activityType', activityTypeId: choice.value === '' ? null : choice.value };
    case 'billable': return { kind: 'billable', billable: true };
    case 'notBillable': return { kind: 'billable', billable: false };
    case 'delete': return { kind: 'delete' };
    case 'target': return choice.value ? { kind: 'target', targetId: choice.value } : undefined;
    case 'workItem': return /^\d{1,9}$/.test(choice.value.trim()) && Number(choice.value) > 0 ? { kind: 'workItem', workItemId: Number(choice.value) } : undefined;
  }
}

export function bulkRequestOf(choice: BulkChoice, selection: readonly { id: string; userId: string }[], filter: ExplorerQueryFilter): BulkActionRequest | undefined {
  const change = changeOf(choice);
  if (!change) return undefined;
  if (choice.scope === 'filter') return { change, filter: bulkFilterOf(filter) };
  return selection.length > 0 ? { change, worklogs: selection.map(({ id, userId }) => ({ id, userId })) } : undefined;
}

const worklogs = (n: number) => `${n.toLocaleString()} worklog${n === 1 ? '' : 's'}`;
const verb = (change: Change) => (change.kind === 'delete' ? 'delete' : 'change');

export function previewText(preview: BulkPreview): string {
  const users = `${preview.userCount} user${preview.userCount === 1 ? '' : 's'}`;
  return `This will ${verb(preview.change)} ${worklogs(preview.count)} of ${users}.`;
}

export const confirmText = (preview: BulkPreview) => `${preview.change.kind === 'delete' ? 'Delete' : 'Change'} ${worklogs(preview.count)}`;

/** The end of a job: what it did, and what it left alone and why. */
export function doneText(job: BulkJobView): string {
  const did = job.change.kind === 'delete' ? 'Deleted' : 'Changed';
  const notes = [
    job.missing > 0 ? `${worklogs(job.missing)} were already gone` : '',
    job.skipped > 0 ? `${worklogs(job.skipped)} changed by someone else meanwhile were left as they were` : '',
  ].filter(Boolean);
  return `${did} ${worklogs(job.applied)}.${notes.length ? ` ${notes.join('; ')}.` : ''}`;
}
