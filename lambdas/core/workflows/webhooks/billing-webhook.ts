import { createHash } from 'node:crypto';
import { InvalidTransitionError } from '../../domain/errors';
import { nextStatus } from '../../domain/onboarding';
import { log } from '../../log';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { UserStore } from '../../ports/user-store';

/** How long an event id is remembered: past the provider's retry schedule (3 days for Stripe). */
export const BILLING_EVENT_TTL_SECONDS = 7 * 24 * 3600;

export interface BillingEvent {
  id: string;
  type: string;
  data?: { object?: { metadata?: Record<string, unknown> } };
}

export type BillingOutcome = 'activated' | 'ignored' | 'duplicate' | 'unknown-user' | 'refused-transition';

/**
 * handleBillingEvent — `POST /webhooks/billing` (signature already checked).
 * Each event id is processed once: its first delivery claims it (a TTL'd
 * record); a redelivery is acknowledged without effect. A failure of our own
 * releases the claim, so the provider's retry processes it. Only
 * `customer.subscription.created` does something: its
 * `data.object.metadata.userId` moves `pending_subscription -> active`. An
 * unknown user or a refused move is acknowledged and logged — retrying would
 * never make it right — and other types are acknowledged and ignored.
 */
export async function handleBillingEvent(
  ports: { users: UserStore; idempotency: IdempotencyStore },
  event: BillingEvent,
  rawBody: string,
): Promise<BillingOutcome> {
  const key = `billing-event:${event.id}`;
  const claim = await ports.idempotency.claim(key, sha256(rawBody), BILLING_EVENT_TTL_SECONDS);
  const fields = { eventId: event.id, type: event.type };
  if (claim !== 'first') {
    log(claim === 'same' ? 'info' : 'warn', 'billing event seen before', { ...fields, claim });
    return 'duplicate';
  }
  try {
    const outcome = await apply(ports.users, event);
    log('info', 'billing event', { ...fields, outcome });
    return outcome;
  } catch (error) {
    await ports.idempotency.release(key).catch(() => undefined);
    throw error;
  }
}

async function apply(users: UserStore, event: BillingEvent): Promise<BillingOutcome> {
  if (event.type !== 'customer.subscription.created') return 'ignored';
  const userId = event.data?.object?.metadata?.userId;
  const record = typeof userId === 'string' && userId !== '' ? await users.get(userId) : undefined;
  if (!record) return 'unknown-user';
  try {
    const to = nextStatus(record.status, 'subscriptionCreated');
    await users.transition(record.userId, record.status, to);
    return 'activated';
  } catch (error) {
    if (error instanceof InvalidTransitionError) return 'refused-transition';
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
