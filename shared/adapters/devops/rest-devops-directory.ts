import type { TokenCredential } from '@azure/identity';
import { z } from 'zod';
import {
  DevOpsThrottledError,
  FIELD_REFERENCE_NAME,
  type ConnectionData,
  type DevOpsDirectory,
  type SchedulingFieldChanges,
  type WorkItem,
  type WorkItemDetails,
  type WorkItemFieldDefinition,
  type WorkItemFields,
  type WorkItemLink,
  type WorkItemUpdateResult,
} from '../../ports/devops-directory.js';
import { DevOpsRequestError, parse, retryAfterSeconds } from './rest-devops-errors.js';
import { CHILD_LINK, DETAIL_FIELDS, FieldsJson, WiqlItemsJson, WiqlLinksJson, WorkItemsBatchJson, wiqlText, withFields } from './rest-work-item-json.js';
import { patchWorkItem, readWorkItemFields, type WorkItemTarget } from './rest-work-item-writes.js';

export { DevOpsRequestError } from './rest-devops-errors.js';

/** Entra resource of Azure DevOps (learn.microsoft.com/azure/devops/integrate/get-started/authentication/service-principal-managed-identity). */
export const AZURE_DEVOPS_SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/.default';
/**
 * Security namespace "Collection" (learn.microsoft.com/azure/devops/organizations/security/namespace-reference),
 * its root token "NAMESPACE" (microsoft/team-explorer-everywhere FrameworkSecurity.java) and bit 2,
 * GENERIC_WRITE "Edit instance-level information", which Project Collection Administrators hold
 * (github/gh-gei AdoApi.IsCallerOrgAdmin checks the same bit).
 */
export const COLLECTION_NAMESPACE_ID = '3e65f728-f8bc-4ecd-8764-7e378b19bfa7';
export const COLLECTION_GENERIC_WRITE = 2;
export const COLLECTION_TOKEN = 'NAMESPACE';
/** MicrosoftDocs/vsts-rest-api-specs security/7.1 still marks Permissions - Has Permissions as preview.2. */
export const PERMISSIONS_API_VERSION = '7.1-preview.2';
/** Work Items - List accepts at most 200 ids (VS403474 beyond that). */
export const MAX_WORK_ITEMS_PER_REQUEST = 200;
export const WORK_ITEM_FIELDS = ['System.Title', 'System.WorkItemType', 'System.State'] as const;
/** WIQL answers at most this many work items (VS402337 beyond). */
export const MAX_WIQL_RESULTS = 20_000;

// Letters, digits and inner hyphens: anything else never reaches a URL.
const ORG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;

const ConnectionDataJson = z.object({
  instanceId: z.guid(),
  authenticatedUser: z.object({
    id: z.guid(),
    descriptor: z.string().optional(),
    providerDisplayName: z.string(),
    customDisplayName: z.string().optional(),
    properties: z.object({ Account: z.object({ $value: z.string() }).optional() }).optional(),
  }),
});
const PermissionsJson = z.object({ value: z.array(z.boolean()) });
const Fields = z.object({ 'System.Title': z.string(), 'System.WorkItemType': z.string(), 'System.State': z.string() });
const WorkItemJson = z.object({ id: z.number().int(), fields: Fields }).transform(
  ({ id, fields: f }): WorkItem => ({ id, title: f['System.Title'], type: f['System.WorkItemType'], state: f['System.State'] }),
);
// errorPolicy=omit leaves null where an id does not exist (or is not readable).
const WorkItemsJson = z.object({ value: z.array(WorkItemJson.nullable()) });


export interface RestDevOpsDirectoryOptions {
  baseUrl?: string;
  /** Bearer token of Timehub's own identity in the org's tenant, for calls not made on a user's behalf. */
  serviceToken: (orgName: string) => Promise<string>;
  timeoutMs?: number;
}

type Reply = { kind: 'json'; body: unknown } | { kind: 'refused' } | { kind: 'missing' };

/** Reads a bearer token for Azure DevOps from Entra ID (managed identity in the cloud). */
export function entraServiceToken(credential: TokenCredential): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(AZURE_DEVOPS_SCOPE);
    if (!token) throw new DevOpsRequestError('Entra ID returned no token for Azure DevOps');
    return token.token;
  };
}

export class RestDevOpsDirectory implements DevOpsDirectory {
  private readonly baseUrl: string;
  private readonly serviceToken: (orgName: string) => Promise<string>;
  private readonly timeoutMs: number;

  constructor(options: RestDevOpsDirectoryOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://dev.azure.com').replace(/\/+$/, '');
    this.serviceToken = options.serviceToken;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async connectionData(orgName: string, accessToken: string): Promise<ConnectionData | undefined> {
    if (!ORG_NAME.test(orgName)) return undefined;
    const reply = await this.get(`${this.orgUrl(orgName)}/_apis/connectionData`, accessToken);
    if (reply.kind !== 'json') return undefined;
    const { instanceId, authenticatedUser: user } = parse(ConnectionDataJson, reply.body, 'connectionData');
    // Public orgs answer a bad token with the anonymous identity instead of 401.
    if (user.descriptor?.startsWith('System:PublicAccess')) return undefined;
    const uniqueName = user.properties?.Account?.$value ?? user.providerDisplayName;
    return {
      organization: { id: instanceId, name: orgName.toLowerCase() },
      authenticatedUser: { id: user.id, displayName: user.customDisplayName ?? user.providerDisplayName, uniqueName },
    };
  }

  async isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean> {
    if (!ORG_NAME.test(orgName)) return false;
    const query = new URLSearchParams({
      tokens: COLLECTION_TOKEN,
      // Members of Project Collection Administrators pass regardless of the ACL: exactly the question asked.
      alwaysAllowAdministrators: 'true',
      'api-version': PERMISSIONS_API_VERSION,
    });
    const path = `_apis/permissions/${COLLECTION_NAMESPACE_ID}/${COLLECTION_GENERIC_WRITE}`;
    const reply = await this.get(`${this.orgUrl(orgName)}/${path}?${query}`, accessToken);
    if (reply.kind !== 'json') return false;
    return parse(PermissionsJson, reply.body, 'permissions').value[0] === true;
  }

  async workItems(orgName: string, ids: readonly number[]): Promise<WorkItem[]> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (wanted.length === 0 || !ORG_NAME.test(orgName)) return [];
    const token = await this.serviceToken(orgName);
    const pages: Promise<WorkItem[]>[] = [];
    for (let start = 0; start < wanted.length; start += MAX_WORK_ITEMS_PER_REQUEST) {
      pages.push(this.workItemPage(orgName, wanted.slice(start, start + MAX_WORK_ITEMS_PER_REQUEST), token));
    }
    return (await Promise.all(pages)).flat();
  }

  private async workItemPage(orgName: string, ids: readonly number[], token: string): Promise<WorkItem[]> {
    const query = new URLSearchParams({
      ids: ids.join(','),
      fields: WORK_ITEM_FIELDS.join(','),
      errorPolicy: 'omit',
      'api-version': '7.1',
    });
    const reply = await this.get(`${this.orgUrl(orgName)}/_apis/wit/workitems?${query}`, token);
    // An unknown org has no work items; a refused service identity is a setup error to surface.
    if (reply.kind === 'missing') return [];
    if (reply.kind === 'refused') throw new DevOpsRequestError(`Azure DevOps refused Timehub's identity for ${orgName}`);
    return parse(WorkItemsJson, reply.body, 'workitems').value.filter((item) => item !== null);
  }

  async workItemDetails(orgName: string, ids: readonly number[], fields?: readonly string[]): Promise<WorkItemDetails[]> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (wanted.length === 0 || !ORG_NAME.test(orgName)) return [];
    const bad = fields?.find((name) => !FIELD_REFERENCE_NAME.test(name));
    if (bad !== undefined) throw new DevOpsRequestError(`"${bad.slice(0, 60)}" is no field reference name`);
    const asked = [...new Set([...DETAIL_FIELDS, ...(fields ?? [])])];
    const token = await this.serviceToken(orgName);
    const pages: Promise<WorkItemDetails[]>[] = [];
    for (let start = 0; start < wanted.length; start += MAX_WORK_ITEMS_PER_REQUEST) {
      const body = { ids: wanted.slice(start, start + MAX_WORK_ITEMS_PER_REQUEST), fields: asked, errorPolicy: 'omit' };
      pages.push(this.serviceCall(orgName, '_apis/wit/workitemsbatch', body, token).then((reply) =>
        reply ? parse(WorkItemsBatchJson, reply, 'workitemsbatch').value.flatMap((read) => (read ? [withFields(read, fields)] : [])) : []));
    }
    return (await Promise.all(pages)).flat();
  }

  async workItemFieldDefinitions(orgName: string): Promise<WorkItemFieldDefinition[]> {
    if (!ORG_NAME.test(orgName)) return [];
    const reply = await this.get(`${this.orgUrl(orgName)}/_apis/wit/fields?api-version=7.1`, await this.serviceToken(orgName));
    if (reply.kind === 'missing') return [];
    if (reply.kind === 'refused') throw new DevOpsRequestError(`Azure DevOps refused Timehub's identity for ${orgName}`);
    return parse(FieldsJson, reply.body, 'fields');
  }

  async workItemIds(orgName: string, afterId: number, top: number): Promise<number[]> {
    if (!ORG_NAME.test(orgName) || !Number.isSafeInteger(afterId) || afterId < 0 || !Number.isSafeInteger(top) || top <= 0) return [];
    const query = `SELECT [System.Id] FROM WorkItems WHERE [System.Id] > ${afterId} ORDER BY [System.Id] ASC`;
    const path = `_apis/wit/wiql?$top=${Math.min(top, MAX_WIQL_RESULTS)}`;
    const reply = await this.serviceCall(orgName, path, { query }, await this.serviceToken(orgName));
    return reply ? parse(WiqlItemsJson, reply, 'wiql').workItems.map((item) => item.id) : [];
  }

  async descendantLinks(orgName: string, rootId: number): Promise<WorkItemLink[]> {
    if (!Number.isSafeInteger(rootId) || rootId <= 0 || !ORG_NAME.test(orgName)) return [];
    const query = `SELECT [System.Id] FROM WorkItemLinks WHERE ([Source].[System.Id] = ${rootId}) AND ([System.Links.LinkType] = '${CHILD_LINK}') MODE (Recursive)`;
    const reply = await this.serviceCall(orgName, '_apis/wit/wiql', { query }, await this.serviceToken(orgName));
    return reply ? parse(WiqlLinksJson, reply, 'wiql') : [];
  }

  async searchWorkItems(orgName: string, text: string, top: number): Promise<WorkItemDetails[]> {
    if (!ORG_NAME.test(orgName) || text.length === 0) return [];
    const query = `SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS ${wiqlText(text)} ORDER BY [System.ChangedDate] DESC`;
    const reply = await this.serviceCall(orgName, `_apis/wit/wiql?$top=${top}`, { query }, await this.serviceToken(orgName));
    const ids = reply ? parse(WiqlItemsJson, reply, 'wiql').workItems.map((item) => item.id) : [];
    const details = new Map((await this.workItemDetails(orgName, ids)).map((item) => [item.id, item]));
    return ids.flatMap((id) => details.get(id) ?? []);
  }

  async workItemFields(orgName: string, id: number): Promise<WorkItemFields | undefined> {
    const target = await this.workItemTarget(orgName, id);
    return target && readWorkItemFields(target);
  }

  async workItemRevision(orgName: string, id: number, rev: number): Promise<WorkItemFields | undefined> {
    const target = await this.workItemTarget(orgName, id);
    return target && Number.isSafeInteger(rev) && rev > 0 ? readWorkItemFields(target, rev) : undefined;
  }

  async updateWorkItemFields(orgName: string, id: number, rev: number, changes: SchedulingFieldChanges): Promise<WorkItemUpdateResult> {
    const target = await this.workItemTarget(orgName, id);
    return target ? patchWorkItem(target, rev, changes) : { outcome: 'missing' };
  }

  private async workItemTarget(orgName: string, id: number): Promise<WorkItemTarget | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0 || !ORG_NAME.test(orgName)) return undefined;
    return { orgUrl: this.orgUrl(orgName), id, token: await this.serviceToken(orgName), timeoutMs: this.timeoutMs };
  }

  /** A POST as Timehub's own identity: undefined for an unknown org, an error when the identity is refused. */
  private async serviceCall(orgName: string, path: string, body: unknown, token: string): Promise<unknown> {
    const url = `${this.orgUrl(orgName)}/${path}${path.includes('?') ? '&' : '?'}api-version=7.1`;
    const reply = await this.get(url, token, body);
    if (reply.kind === 'missing') return undefined;
    if (reply.kind === 'refused') throw new DevOpsRequestError(`Azure DevOps refused Timehub's identity for ${orgName}`);
    return reply.body;
  }

  private orgUrl(orgName: string): string {
    return `${this.baseUrl}/${encodeURIComponent(orgName)}`;
  }

  /** GET, or POST with a JSON body when `body` is given. */
  private async get(url: string, bearer: string, body?: unknown): Promise<Reply> {
    const where = new URL(url).pathname; // never the query or the token
    try {
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body !== undefined && { body: JSON.stringify(body) }),
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
        // A redirect or 203 is the sign-in page: Azure DevOps' way of refusing a token.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (res.ok && res.status !== 203) return { kind: 'json', body: await res.json() };
      await res.body?.cancel();
      if (res.status === 429) throw new DevOpsThrottledError(retryAfterSeconds(res.headers.get('retry-after')));
      if (res.status === 404) return { kind: 'missing' };
      if ([203, 401, 403].includes(res.status) || (res.status >= 300 && res.status < 400)) return { kind: 'refused' };
      throw new DevOpsRequestError(`Azure DevOps answered ${res.status}: ${where}`, res.status);
    } catch (error) {
      if (error instanceof DevOpsRequestError || error instanceof DevOpsThrottledError) throw error;
      throw new DevOpsRequestError(`Azure DevOps request failed: ${where}`, undefined, { cause: error });
    }
  }
}

