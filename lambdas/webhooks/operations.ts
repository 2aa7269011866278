import * as z from 'zod/mini';
import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the webhooks area: events from the billing provider. */
export const WEBHOOKS = {
  billingWebhook: {
    name: 'billingWebhook',
    method: 'POST',
    path: '/webhooks/billing',
    access: 'webhook',
    entry: 'webhooks/billing-webhook.ts',
    summary:
      'Billing events (Stripe-Signature): customer.subscription.created activates the user; others acknowledged.',
    body: z.object({
      id: z.string().check(z.minLength(1), z.maxLength(255)),
      type: z.string().check(z.minLength(1), z.maxLength(255)),
      data: z.optional(
        z.object({
          object: z.optional(z.object({ metadata: z.optional(z.record(z.string(), z.unknown())) })),
        }),
      ),
    }),
    permissions: {
      tables: { users: ['UpdateItem'], idempotency: ['PutItem', 'DeleteItem'] },
      secrets: ['billingWebhook'],
    },
    success: { 200: 'The event was applied (or had been already)' },
  },
} as const satisfies Record<string, OperationDefinition>;
