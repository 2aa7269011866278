import { memoryWorld } from '../../../lambdas/core/adapters/memory/world';
import { hmacHex } from '../../../lambdas/core/http/webhook-signature';
import { call, freshWorld, submitApplication, WEBHOOK_SECRET } from '../../support/harness';

describe('createCognitoUser (POST /applications)', () => {
  beforeEach(() => freshWorld());

  it('returns 201 with the applicant in FORCE_CHANGE_PASSWORD and a pending_verification record', async () => {
    const answer = await submitApplication({ email: '  Jane.Doe@Example.COM ', name: 'Jane Doe' });

    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      created: true,
      user: expect.objectContaining({
        email: 'jane.doe@example.com',
        status: 'pending_verification',
        role: 'user',
        emailVerified: false,
        cognitoStatus: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        mfa: { enabled: false, required: false },
      }),
    });
    const userId = (answer.body.user as { userId: string }).userId;
    await expect(memoryWorld().users.get(userId)).resolves.toMatchObject({ email: 'jane.doe@example.com' });
  });

  it('lets Cognito email a temporary password that never appears in the response', async () => {
    const answer = await submitApplication({ email: 'jane@example.com' });

    const messages = memoryWorld().outbox.list('jane@example.com');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'TEMPORARY_PASSWORD', to: 'jane@example.com' });
    const temporaryPassword = messages[0]?.secret as string;
    expect(temporaryPassword).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{8,}$/);
    expect(answer.raw.body).not.toContain(temporaryPassword);
  });

  it('returns 200 created:false for the same email again, without a second user or email', async () => {
    const first = await submitApplication({ email: 'jane@example.com' });
    const again = await submitApplication({ email: 'JANE@example.com' });

    expect(again.status).toBe(200);
    // The replay names the account, and nothing of its state.
    expect(again.body).toEqual({
      created: false,
      user: { userId: (first.body.user as { userId: string }).userId },
    });
    expect(memoryWorld().outbox.list('jane@example.com')).toHaveLength(1);
  });

  it('writes the missing User record when an earlier attempt stopped after the Cognito step', async () => {
    const world = memoryWorld();
    const account = await world.cognito.directory.createUser({ email: 'half@example.com' });
    await expect(world.users.get(account.sub)).resolves.toBeUndefined();

    const answer = await submitApplication({ email: 'half@example.com' });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ created: false, user: { userId: account.sub } });
    await expect(world.users.get(account.sub)).resolves.toMatchObject({ status: 'pending_verification' });
  });

  it('creates exactly one account when the same application arrives concurrently', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => submitApplication({ email: 'race@example.com' })),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => (a.body.user as { userId: string }).userId));
    expect(ids.size).toBe(1);
  });

  it('returns 401 INVALID_SIGNATURE without a signature, and creates nothing', async () => {
    const answer = await call('createCognitoUser', { body: { email: 'jane@example.com' } });

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'INVALID_SIGNATURE', message: expect.any(String) } });
    await expect(memoryWorld().cognito.directory.getUser('jane@example.com')).resolves.toBeUndefined();
  });

  it('returns 401 INVALID_SIGNATURE when the body was changed after signing', async () => {
    const signed = JSON.stringify({ email: 'jane@example.com' });
    const answer = await call('createCognitoUser', {
      rawBody: JSON.stringify({ email: 'mallory@example.com' }),
      query: { signature: hmacHex(WEBHOOK_SECRET, signed) },
    });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_SIGNATURE' } });
    await expect(memoryWorld().cognito.directory.getUser('mallory@example.com')).resolves.toBeUndefined();
  });

  it.each([
    ['signed with another secret', hmacHex('not-the-secret', '{"email":"a@b.co"}')],
    ['not hex', 'zz'.repeat(32)],
    ['truncated', hmacHex(WEBHOOK_SECRET, '{"email":"a@b.co"}').slice(0, 40)],
  ])('returns 401 INVALID_SIGNATURE for a signature %s', async (_, signature) => {
    const answer = await call('createCognitoUser', { rawBody: '{"email":"a@b.co"}', query: { signature } });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_SIGNATURE' } });
  });

  it('checks the signature before parsing: an unsigned bad body is 401, not 400', async () => {
    const answer = await call('createCognitoUser', { rawBody: '{not json' });

    expect(answer.status).toBe(401);
  });

  it('returns 400 VALIDATION_ERROR naming the field for a signed body without a valid email', async () => {
    const answer = await submitApplication({ email: 'not-an-email' });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^email: /) },
    });
  });

  it('returns 400 INVALID_JSON for a signed body that is not JSON', async () => {
    const rawBody = '{"email": ';
    const answer = await call('createCognitoUser', {
      rawBody,
      query: { signature: hmacHex(WEBHOOK_SECRET, rawBody) },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });

  it('returns 500 INTERNAL with a generic message when the store fails, and leaks no detail', async () => {
    const world = memoryWorld();
    jest
      .spyOn(world.users, 'create')
      .mockRejectedValueOnce(new Error('ProvisionedThroughputExceeded at arn:aws:secret'));

    const answer = await submitApplication({ email: 'jane@example.com' });

    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again later.' },
    });
    expect(answer.raw.body).not.toMatch(/arn:|stack|Provisioned/);
    // A retry of the webhook repairs it: the Cognito user exists, the record gets written.
    const retry = await submitApplication({ email: 'jane@example.com' });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: false, user: { userId: expect.any(String) } });
    await expect(memoryWorld().users.findByEmail('jane@example.com')).resolves.toMatchObject({
      status: 'pending_verification',
    });
  });
});
