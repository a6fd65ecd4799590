import { z } from 'zod';
import { isoInstant } from './common.js';

export const subscriptionId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1 to 100 letters, digits, dots, dashes or underscores');

export const activateBody = z.strictObject({ subscriptionId });

/** A license file as the vendor signs it: these four fields, then the signature over them. */
export const licenseFileBody = z.strictObject({
  org: z.string().trim().min(1).max(100).describe('the organization name (or id) the license is for'),
  seats: z.number().int().min(1).max(1_000_000),
  expiry: isoInstant,
  subscriptionId,
  signature: z.string().regex(/^ed25519:[A-Za-z0-9+/_-]+={0,2}$/, 'must be ed25519:<base64>'),
});
export type LicenseFile = z.infer<typeof licenseFileBody>;
export type LicenseTerms = Omit<LicenseFile, 'signature'>;

const eventBase = { id: z.string().min(1).max(200), timestamp: isoInstant };
const seats = z.number().int().min(1).max(1_000_000);

/** What the commerce provider posts to /api/billing/events, signed over the raw body. */
export const billingEventBody = z.discriminatedUnion('type', [
  z.object({
    ...eventBase, type: z.literal('subscription.created'),
    subscription: z.object({ id: subscriptionId, plan: z.string().min(1).max(50), seats, periodStart: isoInstant, periodEnd: isoInstant }),
  }),
  z.object({
    ...eventBase, type: z.literal('subscription.renewed'),
    subscription: z.object({ id: subscriptionId, periodStart: isoInstant, periodEnd: isoInstant }),
  }),
  z.object({ ...eventBase, type: z.literal('subscription.seats_changed'), subscription: z.object({ id: subscriptionId, seats }) }),
  z.object({ ...eventBase, type: z.literal('subscription.cancelled'), subscription: z.object({ id: subscriptionId }) }),
]);
export type BillingEvent = z.infer<typeof billingEventBody>;
