import { activateSubscription, activateLicense } from '../../billing/activate-subscription.js';
import { SIGNATURE_HEADER, receiveBillingEvent } from '../../billing/billing-events.js';
import { getSubscription } from '../../billing/subscription-view.js';
import { activateBody, licenseFileBody } from '../../contracts/billing.js';
import { defineRoute } from '../route.js';

const tag = 'Subscription';

/** Organization Settings → Timehub → Subscription, and the commerce provider's webhook. */
export const billingRoutes = [
  defineRoute({
    name: 'getSubscription', method: 'GET', path: '/subscription', access: 'member', tag, permission: 'subscription:read',
    summary: 'The plan, the status (trial with days left, active, past due, expired), seats licensed and used, renewal date, Buy now URL',
    handle: ({ app, caller }) => getSubscription(app.ports, app.billing, caller),
  }),
  defineRoute({
    name: 'activateSubscription', method: 'POST', path: '/subscription/activate', access: 'member', tag, permission: 'subscription:manage',
    summary: 'Activate a purchased subscription by its id (billing admins)',
    body: activateBody,
    handle: ({ app, caller, body }) => activateSubscription(app.ports, app.billing, caller, body.subscriptionId),
  }),
  defineRoute({
    name: 'activateLicense', method: 'POST', path: '/subscription/license', access: 'member', tag, permission: 'subscription:manage',
    summary: "Offline activation: the license file's content as the body, verified with the vendor's Ed25519 key (billing admins)",
    body: licenseFileBody,
    handle: ({ app, caller, body }) => activateLicense(app.ports, app.billing, caller, body),
  }),
  defineRoute({
    name: 'billingEvent', method: 'POST', path: '/billing/events', access: 'public', tag, rawBody: true, headers: [SIGNATURE_HEADER],
    summary: 'Subscription events from the commerce provider (created, renewed, seats_changed, cancelled), signed with HMAC-SHA256 over the raw body',
    handle: ({ app, rawBody, header }) => receiveBillingEvent(app.ports, app.billing, rawBody, header(SIGNATURE_HEADER)),
  }),
];
