import { newUserRecord } from '../../../lambdas/core/domain/user';
import { stripeSignatureHeader } from '../../../lambdas/core/http/webhook-signature';
import { handleBillingEvent } from '../../../lambdas/core/workflows/webhooks/billing-webhook';
import { activatedApplicant, adminToken, BILLING_SECRET, call, freshWorld } from '../../support/harness';

type World = ReturnType<typeof freshWorld>;

function deliver(
  world: World,
  event: unknown,
  options: { secret?: string; at?: Date; header?: string } = {},
) {
  const rawBody = JSON.stringify(event);
  const header =
    options.header ??
    stripeSignatureHeader(options.secret ?? BILLING_SECRET, rawBody, options.at ?? world.clock());
  return call<{ received?: boolean; error?: { code: string } }>('billingWebhook', {
    rawBody,
    headers: { 'Stripe-Signature': header },
  });
}

const created = (id: string, userId: string) => ({
  id,
  type: 'customer.subscription.created',
  data: { object: { metadata: { userId } } },
});

describe('billingWebhook (POST /webhooks/billing)', () => {
  let world: World;
  let userId: string;
  beforeEach(async () => {
    world = freshWorld();
    const admin = await adminToken(world);
    await activatedApplicant(world, 'jane@example.com');
    userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    // Up the ladder to pending_subscription: approve, then TOTP enrollment (the record's event).
    await call('userAction', { token: admin, pathParameters: { userId, action: 'approve' } });
    await world.users.transition(userId, 'pending_mfa', 'pending_subscription');
  });

  it('activates the user on customer.subscription.created, once per event id', async () => {
    expect(await deliver(world, created('evt_1', userId))).toMatchObject({
      status: 200,
      body: { received: true },
    });
    expect((await world.users.get(userId))?.status).toBe('active');
    // The redelivery is acknowledged and does nothing.
    expect((await deliver(world, created('evt_1', userId))).status).toBe(200);
  });

  it('acknowledges other types, an unknown user and a refused move, changing nothing', async () => {
    expect((await deliver(world, { id: 'evt_2', type: 'invoice.paid' })).status).toBe(200);
    expect((await deliver(world, created('evt_3', '00000000-0000-0000-0000-000000000000'))).status).toBe(200);
    expect((await world.users.get(userId))?.status).toBe('pending_subscription');
    await deliver(world, created('evt_4', userId));
    expect((await deliver(world, created('evt_5', userId))).status).toBe(200); // already active: refused, acked
    expect((await world.users.get(userId))?.status).toBe('active');
  });

  it('refuses a missing, wrong, malformed or stale signature with 401 INVALID_SIGNATURE, before the body', async () => {
    const stale = new Date(world.clock().getTime() - 301_000);
    for (const options of [
      { header: '' },
      { secret: 'another-secret' },
      { header: 't=abc,v1=00' },
      { header: `t=${Math.floor(Date.now() / 1000)}` },
      { at: stale },
    ]) {
      const answer = await deliver(world, created('evt_6', userId), options);
      expect(answer).toMatchObject({ status: 401, body: { error: { code: 'INVALID_SIGNATURE' } } });
    }
    const garbage = await call('billingWebhook', {
      rawBody: '{not json',
      headers: { 'Stripe-Signature': '' },
    });
    expect(garbage.status).toBe(401);
    expect((await world.users.get(userId))?.status).toBe('pending_subscription');
  });

  it('accepts any of several v1 signatures (the provider rolling its key)', async () => {
    const rawBody = JSON.stringify(created('evt_7', userId));
    const good = stripeSignatureHeader(BILLING_SECRET, rawBody, world.clock());
    const header = `${good.split(',')[0]},v1=${'0'.repeat(64)},${good.split(',')[1]}`;
    const answer = await call('billingWebhook', { rawBody, headers: { 'Stripe-Signature': header } });
    expect(answer.status).toBe(200);
  });
});

describe('handleBillingEvent', () => {
  it('releases the claim when its own work fails, so the provider retry processes the event', async () => {
    const world = freshWorld();
    const users = world.users;
    let failures = 1;
    const flaky = Object.assign(Object.create(users), {
      transition: async (...args: Parameters<typeof users.transition>) => {
        if (failures-- > 0)
          throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
        return users.transition(...args);
      },
    });
    await users.create(
      newUserRecord({
        userId: 'u-1',
        email: 'u1@example.com',
        status: 'pending_subscription',
        now: new Date(),
      }),
    );
    const event = created('evt_retry', 'u-1');
    const ports = { users: flaky, idempotency: world.idempotency };
    await expect(handleBillingEvent(ports, event, JSON.stringify(event))).rejects.toThrow('throttled');
    await expect(handleBillingEvent(ports, event, JSON.stringify(event))).resolves.toBe('activated');
    await expect(handleBillingEvent(ports, event, JSON.stringify(event))).resolves.toBe('duplicate');
  });
});
