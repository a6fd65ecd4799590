import type { IExtensionContext } from 'azure-devops-extension-sdk';

/**
 * Where the Timehub API lives for this page.
 * - The dev extension (id ending in `-dev`, see vss-extension.dev.json) is served by a local
 *   host (`npm start`) and calls the API of that same server: the origin of its baseUri.
 * - The production extension calls its organization's endpoint, `https://{org}<suffix>`,
 *   the suffix being the server's PUBLIC_HOST_SUFFIX, fixed when the UI is built.
 */
export function backendUrl(extension: IExtensionContext, orgName: string, pageUrl = window.location.href): string {
  if (extension.extensionId.endsWith('-dev')) return new URL(extension.baseUri ?? pageUrl, pageUrl).origin;
  return `https://${orgName.toLowerCase()}${__TIMEHUB_HOST_SUFFIX__}`;
}
