import { TRANSITIONS } from '../../../lambdas/core/domain/onboarding';
import { handleBillingEvent } from '../../../lambdas/core/workflows/webhooks/billing-webhook';
import { type AwsCall, recordingPort, sequentialDepth } from '../../support/aws-calls';
import { freshWorld, submitApplication } from '../../support/harness';

describe('billingWebhook (POST /webhooks/billing): round trips', () => {
  it('claims the event, then moves the user in one conditional write, with no read between', async () => {
    // The write's condition is the whole check only while the ladder allows one starting status.
    expect(TRANSITIONS.subscriptionCreated.from).toEqual(['pending_subscription']);
    const world = freshWorld();
    await submitApplication({ email: 'jane@example.com' });
    const record = await world.users.findByEmail('jane@example.com');
    const userId = record?.userId as string;
    await world.users.transition(userId, 'pending_verification', 'pending_approval');
    await world.users.transition(userId, 'pending_approval', 'pending_mfa');
    await world.users.transition(userId, 'pending_mfa', 'pending_subscription');
    const log: AwsCall[] = [];
    const ports = {
      users: recordingPort('DynamoDB', world.users, log),
      idempotency: recordingPort('DynamoDB', world.idempotency, log),
    };
    const event = {
      id: 'evt_1',
      type: 'customer.subscription.created',
      data: { object: { metadata: { userId } } },
    };

    await expect(handleBillingEvent(ports, event, JSON.stringify(event))).resolves.toBe('activated');
    expect(log.map((c) => `${c.service} ${c.operation}`)).toEqual(['DynamoDB claim', 'DynamoDB transition']);
    expect(sequentialDepth(log)).toBe(2);
    expect((await world.users.get(userId))?.status).toBe('active');

    const unknown = { ...event, id: 'evt_2', data: { object: { metadata: { userId: 'nobody' } } } };
    await expect(handleBillingEvent(ports, unknown, JSON.stringify(unknown))).resolves.toBe('unknown-user');
    const again = { ...event, id: 'evt_3' };
    await expect(handleBillingEvent(ports, again, JSON.stringify(again))).resolves.toBe('refused-transition');
  });
});
