import { forbidden } from '../domain/errors.js';

/**
 * The organization label of `host` under `suffix` (`contoso` for contoso.timehub.example.com),
 * or undefined for a host outside it. A DNS name may end in a dot and carry a port; both
 * name the same host, so neither may slip past the check.
 */
export function orgLabelOf(host: string | undefined, suffix: string): string | undefined {
  if (!host) return undefined;
  const name = host.trim().toLowerCase().replace(/:\d*$/, '').replace(/\.+$/, '');
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined;
}

/** In the cloud a token is good only on its own organization's host. */
export function assertHostOfOrg(host: string | undefined, suffix: string | undefined, orgName: string) {
  if (!suffix) return;
  const label = orgLabelOf(host, suffix);
  if (label !== undefined && label !== orgName.toLowerCase()) throw forbidden(`this token belongs to ${orgName}, not ${label}`);
}
