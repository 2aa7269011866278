import type { CognitoCall } from '../../../lambdas/core/adapters/aws/cognito/cognito-errors';
import { mapCognitoError } from '../../../lambdas/core/adapters/aws/cognito/cognito-errors';
import { activatedApplicant, adminToken, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

/**
 * Cognito throttles each request-rate quota category for the whole account
 * and region. A call still throttled after the SDK's adaptive retries is a
 * 429 with `Retry-After`, never a 500. On the fake, the port throws exactly
 * what the AWS adapter makes of Cognito's TooManyRequestsException.
 */
const throttled = (call: CognitoCall) =>
  mapCognitoError(
    Object.assign(new Error('Too many requests'), { name: 'TooManyRequestsException', $metadata: {} }),
    call,
  );

type Answer = { error?: { code: string; message: string } };

describe('Cognito throttling', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  it('answers a throttled sign-in 429 TOO_MANY_REQUESTS with Retry-After, not 500', async () => {
    await activatedApplicant(world, 'jane@example.com');
    jest.spyOn(world.cognito.signIn, 'passwordLogin').mockRejectedValueOnce(throttled('sign-in'));

    const answer = await call<Answer>('login', {
      body: { email: 'jane@example.com', password: STRONG_PASSWORD },
    });

    expect(answer.status).toBe(429);
    expect(answer.body.error?.code).toBe('TOO_MANY_REQUESTS');
    expect(answer.headers['Retry-After']).toBe('1');
    expect(JSON.stringify(answer.body)).not.toContain('TooManyRequestsException');
  });

  it('answers an admin route 429 when the caller gate is throttled reading the admin', async () => {
    const admin = await adminToken(world);
    jest.spyOn(world.cognito.directory, 'getUser').mockRejectedValueOnce(throttled('admin'));

    const answer = await call<Answer>('listUsers', { token: admin });

    expect(answer.status).toBe(429);
    expect(answer.headers['Retry-After']).toBe('1');
  });

  it('keeps the uniform 202 of a password reset while Cognito is throttled (nothing to tell)', async () => {
    await activatedApplicant(world, 'jane@example.com');
    jest.spyOn(world.cognito.selfService, 'forgotPassword').mockRejectedValueOnce(throttled('reset'));

    const answer = await call('requestPasswordReset', { body: { email: 'jane@example.com' } });

    expect(answer.status).toBe(202);
  });

  it("says when an email's own limit lets it try again: the window's length", async () => {
    for (let i = 0; i < 3; i++) await call('requestPasswordReset', { body: { email: 'x@example.com' } });

    const answer = await call<Answer>('requestPasswordReset', { body: { email: 'x@example.com' } });

    expect(answer.status).toBe(429);
    expect(answer.headers['Retry-After']).toBe('900');
  });
});
