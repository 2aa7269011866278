import { clock, idempotencyStore, secretSource, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { stripeSignature } from '../core/http/webhook-signature';
import { handleBillingEvent } from '../core/workflows/webhooks/billing-webhook';
import { WEBHOOKS } from './operations';

/** POST /webhooks/billing: handleBillingEvent (core/workflows/webhooks/billing-webhook.ts); always 200 once signed. */
export const handler = httpOperation(
  WEBHOOKS.billingWebhook,
  { authenticate: stripeSignature('billingWebhook', secretSource, () => clock()()) },
  async ({ body, rawBody }) => {
    await handleBillingEvent({ users: userStore(), idempotency: idempotencyStore() }, body, rawBody);
    return { status: 200, body: { received: true } };
  },
);
