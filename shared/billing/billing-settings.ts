/** What subscriptions and licensing need from the validated settings. */
export interface BillingSettings {
  /** Where a billing admin buys a subscription; the org name is added as `?organization=`. */
  buyNowUrl: string;
  /** Shared with the commerce provider: billing events are signed with it (HMAC-SHA256). */
  webhookSecret: string;
  /** The vendor's Ed25519 public key (PEM): license files are verified with it. */
  licensePublicKeyPem: string;
}

/** Shown by GET /api/about. */
export interface AboutInfo {
  version: string;
  build: string;
}

export function buyNowLink(settings: BillingSettings, orgName: string): string {
  const url = new URL(settings.buyNowUrl);
  url.searchParams.set('organization', orgName);
  return url.toString();
}
