import { createHash } from 'node:crypto';
import { InvalidTransitionError, NotFoundError } from '../../domain/errors';
import { nextStatus, TRANSITIONS, type UserStatus } from '../../domain/onboarding';
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

/** The one status the ladder moves on `subscriptionCreated` (the write's condition). */
const [SUBSCRIBING] = TRANSITIONS.subscriptionCreated.from as [UserStatus];

/**
 * The one move, as one conditional write (no read first): the ladder allows
 * `subscriptionCreated` from a single status, so the write's condition is the
 * whole check — no record is `unknown-user`, another status `refused-transition`.
 */
async function apply(users: UserStore, event: BillingEvent): Promise<BillingOutcome> {
  if (event.type !== 'customer.subscription.created') return 'ignored';
  const userId = event.data?.object?.metadata?.userId;
  if (typeof userId !== 'string' || userId === '') return 'unknown-user';
  try {
    await users.transition(userId, SUBSCRIBING, nextStatus(SUBSCRIBING, 'subscriptionCreated'));
    return 'activated';
  } catch (error) {
    if (error instanceof NotFoundError) return 'unknown-user';
    if (error instanceof InvalidTransitionError) return 'refused-transition';
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
