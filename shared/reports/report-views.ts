import { randomBytes } from 'node:crypto';
import { MAX_REPORT_VIEWS, type NewReportViewInput } from '../contracts/report-views.js';
import { conflict, notFound } from '../domain/errors.js';
import { isoSeconds } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { updateDocument } from '../orgs/conditional-update.js';
import { userPartition } from '../worklogs/user-ledger.js';

export interface ReportView {
  id: string;
  name: string;
  /** The report's query string: the Reports page rebuilds its link from it. */
  query: string;
  createdTimestamp: string;
}

/**
 * A user's saved views, one document in their own partition: the bound on their number
 * holds under concurrent saves, because each save replaces the document with If-Match.
 */
interface ReportViewsDoc extends Document {
  type: 'reportViews';
  views: ReportView[];
}

const DOC_ID = 'reportViews';
const partitionOf = (caller: Caller) => userPartition(caller.orgId, caller.user.id);

export async function listReportViews(ports: Pick<Ports, 'store'>, caller: Caller): Promise<ReportView[]> {
  const doc = await ports.store.read<ReportViewsDoc>('worklogs', partitionOf(caller), DOC_ID);
  return doc?.views ?? [];
}

/** Saves a view for the caller; a name they already use is replaced (same id), a new one is added up to the bound. */
export async function saveReportView(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, input: NewReportViewInput): Promise<ReportView> {
  let saved: ReportView | undefined;
  await updateDocument<ReportViewsDoc>(ports.store, 'worklogs', partitionOf(caller), DOC_ID, (current) => {
    const views = current?.views ?? [];
    const sameName = views.find((view) => view.name.toLowerCase() === input.name.toLowerCase());
    if (!sameName && views.length >= MAX_REPORT_VIEWS) {
      throw conflict('report_view.limit', `you have ${MAX_REPORT_VIEWS} saved views, the most one can keep: delete one first`);
    }
    saved = sameName
      ? { ...sameName, name: input.name, query: input.query }
      : { id: randomBytes(9).toString('base64url'), name: input.name, query: input.query, createdTimestamp: isoSeconds(ports.clock.now()) };
    const next = sameName ? views.map((view) => (view.id === sameName.id ? saved! : view)) : [...views, saved];
    return { id: DOC_ID, pk: partitionOf(caller), type: 'reportViews', schemaVersion: 1, views: next };
  });
  return saved!;
}

export async function deleteReportView(ports: Pick<Ports, 'store'>, caller: Caller, id: string) {
  let found = false;
  await updateDocument<ReportViewsDoc>(ports.store, 'worklogs', partitionOf(caller), DOC_ID, (current) => {
    found = current?.views.some((view) => view.id === id) ?? false;
    if (!current || !found) return undefined;
    return { ...current, views: current.views.filter((view) => view.id !== id) };
  });
  if (!found) throw notFound(`saved view ${id}`);
  return { id, deleted: true };
}
