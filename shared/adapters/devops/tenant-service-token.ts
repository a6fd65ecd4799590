import type { TokenCredential } from '@azure/identity';
import { DevOpsRequestError } from './rest-devops-errors.js';

/** The Azure DevOps resource in every Entra tenant (PLATFORM-NOTES.md). */
const AZURE_DEVOPS_SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/.default';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export interface TenantServiceTokenOptions {
  baseUrl: string;
  /** Builds the credential of Timehub's multitenant app in one customer tenant (kept per tenant: it caches its token). */
  credentialFor: (tenantId: string) => TokenCredential;
  timeoutMs?: number;
}

/**
 * Bearer tokens of Timehub's multitenant Entra app, each for the tenant behind the org: the
 * org's admin consented to the app there and added it as a user, and no personal access
 * token is involved. Azure DevOps names that tenant in the X-VSS-ResourceTenant header of
 * any answer, even to an anonymous request; it is read once per org and process.
 */
export function tenantServiceToken(options: TenantServiceTokenOptions): (orgName: string) => Promise<string> {
  const tenants = new Map<string, Promise<string>>();
  const credentials = new Map<string, TokenCredential>();
  const tenantOf = (orgName: string) => {
    const key = orgName.toLowerCase();
    let tenant = tenants.get(key);
    if (!tenant) {
      tenant = resourceTenant(options.baseUrl, orgName, options.timeoutMs ?? 10_000);
      tenants.set(key, tenant);
      tenant.catch(() => tenants.delete(key)); // ask again next time
    }
    return tenant;
  };
  return async (orgName) => {
    const tenantId = await tenantOf(orgName);
    let credential = credentials.get(tenantId);
    if (!credential) credentials.set(tenantId, (credential = options.credentialFor(tenantId)));
    const token = await credential.getToken(AZURE_DEVOPS_SCOPE);
    if (!token) throw new DevOpsRequestError(`Entra ID returned no Azure DevOps token in tenant ${tenantId}`);
    return token.token;
  };
}

async function resourceTenant(baseUrl: string, orgName: string, timeoutMs: number): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(orgName)}/_apis/connectionData`;
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DevOpsRequestError(`Azure DevOps request failed: /${orgName}/_apis/connectionData`, undefined, { cause: error });
  }
  await res.body?.cancel();
  const tenant = res.headers.get('x-vss-resourcetenant')?.trim() ?? '';
  if (!GUID.test(tenant) || tenant === NO_TENANT) {
    throw new DevOpsRequestError(`Azure DevOps names no Entra tenant for ${orgName}: work item automation needs an org connected to Microsoft Entra ID`, res.status);
  }
  return tenant.toLowerCase();
}
