import type { TokenCredential } from '@azure/identity';
import {
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
import { DevOpsRequestError, parse } from './rest-devops-errors.js';
import { DevOpsHttp, ORG_NAME } from './rest-devops-http.js';
import { COLLECTION_GENERIC_WRITE, COLLECTION_NAMESPACE_ID, COLLECTION_TOKEN, ConnectionDataJson, PERMISSIONS_API_VERSION, PermissionsJson } from './rest-identity-json.js';
import {
  CHILD_LINK, DETAIL_FIELDS, FieldsJson, MAX_WIQL_RESULTS, MAX_WORK_ITEMS_PER_REQUEST, WORK_ITEM_FIELDS,
  WiqlItemsJson, WiqlLinksJson, WorkItemsBatchJson, WorkItemsJson, wiqlText, withFields,
} from './rest-work-item-json.js';
import { patchWorkItem, readWorkItemFields, type WorkItemTarget } from './rest-work-item-writes.js';

export { DevOpsRequestError } from './rest-devops-errors.js';

/** Entra resource of Azure DevOps (learn.microsoft.com/azure/devops/integrate/get-started/authentication/service-principal-managed-identity). */
export const AZURE_DEVOPS_SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/.default';


export interface RestDevOpsDirectoryOptions {
  baseUrl?: string;
  /** Bearer token of Timehub's own identity in the org's tenant, for calls not made on a user's behalf. */
  serviceToken: (orgName: string) => Promise<string>;
  timeoutMs?: number;
}

/** Reads a bearer token for Azure DevOps from Entra ID (managed identity in the cloud). */
export function entraServiceToken(credential: TokenCredential): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(AZURE_DEVOPS_SCOPE);
    if (!token) throw new DevOpsRequestError('Entra ID returned no token for Azure DevOps');
    return token.token;
  };
}

export class RestDevOpsDirectory implements DevOpsDirectory {
  private readonly http: DevOpsHttp;
  private readonly serviceToken: (orgName: string) => Promise<string>;
  private readonly timeoutMs: number;

  constructor(options: RestDevOpsDirectoryOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.http = new DevOpsHttp((options.baseUrl ?? 'https://dev.azure.com').replace(/\/+$/, ''), this.timeoutMs);
    this.serviceToken = options.serviceToken;
  }

  async connectionData(orgName: string, accessToken: string): Promise<ConnectionData | undefined> {
    if (!ORG_NAME.test(orgName)) return undefined;
    const reply = await this.http.get(`${this.http.orgUrl(orgName)}/_apis/connectionData`, accessToken);
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
    const reply = await this.http.get(`${this.http.orgUrl(orgName)}/${path}?${query}`, accessToken);
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
    // An unknown org has no work items; a refused service identity is a setup error to surface.
    const body = this.http.serviceReply(orgName, await this.http.get(`${this.http.orgUrl(orgName)}/_apis/wit/workitems?${query}`, token));
    return body === undefined ? [] : parse(WorkItemsJson, body, 'workitems').value.filter((item) => item !== null);
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
      pages.push(this.http.serviceCall(orgName, '_apis/wit/workitemsbatch', body, token).then((reply) =>
        reply ? parse(WorkItemsBatchJson, reply, 'workitemsbatch').value.flatMap((read) => (read ? [withFields(read, fields)] : [])) : []));
    }
    return (await Promise.all(pages)).flat();
  }

  async workItemFieldDefinitions(orgName: string): Promise<WorkItemFieldDefinition[]> {
    if (!ORG_NAME.test(orgName)) return [];
    const body = this.http.serviceReply(orgName, await this.http.get(`${this.http.orgUrl(orgName)}/_apis/wit/fields?api-version=7.1`, await this.serviceToken(orgName)));
    return body === undefined ? [] : parse(FieldsJson, body, 'fields');
  }

  async workItemIds(orgName: string, afterId: number, top: number): Promise<number[]> {
    if (!ORG_NAME.test(orgName) || !Number.isSafeInteger(afterId) || afterId < 0 || !Number.isSafeInteger(top) || top <= 0) return [];
    const query = `SELECT [System.Id] FROM WorkItems WHERE [System.Id] > ${afterId} ORDER BY [System.Id] ASC`;
    const path = `_apis/wit/wiql?$top=${Math.min(top, MAX_WIQL_RESULTS)}`;
    const reply = await this.http.serviceCall(orgName, path, { query }, await this.serviceToken(orgName));
    return reply ? parse(WiqlItemsJson, reply, 'wiql').workItems.map((item) => item.id) : [];
  }

  async descendantLinks(orgName: string, rootId: number): Promise<WorkItemLink[]> {
    if (!Number.isSafeInteger(rootId) || rootId <= 0 || !ORG_NAME.test(orgName)) return [];
    const query = `SELECT [System.Id] FROM WorkItemLinks WHERE ([Source].[System.Id] = ${rootId}) AND ([System.Links.LinkType] = '${CHILD_LINK}') MODE (Recursive)`;
    const reply = await this.http.serviceCall(orgName, '_apis/wit/wiql', { query }, await this.serviceToken(orgName));
    return reply ? parse(WiqlLinksJson, reply, 'wiql') : [];
  }

  async searchWorkItems(orgName: string, text: string, top: number): Promise<WorkItemDetails[]> {
    if (!ORG_NAME.test(orgName) || text.length === 0) return [];
    const query = `SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS ${wiqlText(text)} ORDER BY [System.ChangedDate] DESC`;
    const reply = await this.http.serviceCall(orgName, `_apis/wit/wiql?$top=${top}`, { query }, await this.serviceToken(orgName));
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
    return { orgUrl: this.http.orgUrl(orgName), id, token: await this.serviceToken(orgName), timeoutMs: this.timeoutMs };
  }
}
