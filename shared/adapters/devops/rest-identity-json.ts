import { z } from 'zod';

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

/** What `_apis/connectionData` answers of the caller and the org. */
export const ConnectionDataJson = z.object({
  instanceId: z.guid(),
  authenticatedUser: z.object({
    id: z.guid(),
    descriptor: z.string().optional(),
    providerDisplayName: z.string(),
    customDisplayName: z.string().optional(),
    properties: z.object({ Account: z.object({ $value: z.string() }).optional() }).optional(),
  }),
});
/** Security - Has Permissions: one boolean per token asked. */
export const PermissionsJson = z.object({ value: z.array(z.boolean()) });
