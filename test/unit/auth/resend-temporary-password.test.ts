import {
  RESEND_GLOBAL_LIMIT,
  RESEND_MESSAGE,
} from '../../../lambdas/core/workflows/auth/resend-temporary-password';
import {
  activatedApplicant,
  call,
  freshWorld,
  submitApplication,
  temporaryPasswordOf,
} from '../../support/harness';

describe('resendTemporaryPassword (POST /auth/temporary-password/resend)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  it('returns 202 and emails a new temporary password; the old one stops working', async () => {
    await submitApplication({ email: 'jane@example.com' });
    const first = temporaryPasswordOf(world, 'jane@example.com');

    const answer = await call('resendTemporaryPassword', { body: { email: ' Jane@Example.com' } });

    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ message: RESEND_MESSAGE });
    const second = temporaryPasswordOf(world, 'jane@example.com');
    expect(second).not.toBe(first);
    expect(world.outbox.list('jane@example.com')).toHaveLength(2);
    expect((await call('login', { body: { email: 'jane@example.com', password: first } })).status).toBe(401);
    expect(
      (await call('login', { body: { email: 'jane@example.com', password: second } })).body,
    ).toHaveProperty('challenge.name', 'NEW_PASSWORD_REQUIRED');
  });

  it('answers an unknown email and an already active account exactly like a real resend, sending nothing', async () => {
    await activatedApplicant(world, 'active@example.com');
    const sentBefore = world.outbox.list().length;

    const real = await call('resendTemporaryPassword', { body: { email: 'active@example.com' } });
    const unknown = await call('resendTemporaryPassword', { body: { email: 'nobody@example.com' } });

    expect(unknown.status).toBe(202);
    expect(real.status).toBe(202);
    expect(unknown.raw.body).toBe(real.raw.body);
    expect(world.outbox.list()).toHaveLength(sentBefore);
  });

  it('returns 429 TOO_MANY_REQUESTS after 3 resends for one email, for known and unknown emails alike', async () => {
    await submitApplication({ email: 'jane@example.com' });
    for (const email of ['jane@example.com', 'nobody@example.com']) {
      for (let i = 0; i < 3; i++) {
        expect((await call('resendTemporaryPassword', { body: { email } })).status).toBe(202);
      }
      const throttled = await call('resendTemporaryPassword', { body: { email } });
      expect(throttled.status).toBe(429);
      expect(throttled.body).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    }
    // Other emails are not affected, and the window passes.
    expect((await call('resendTemporaryPassword', { body: { email: 'third@example.com' } })).status).toBe(
      202,
    );
    world.advance(15 * 60_000);
    expect((await call('resendTemporaryPassword', { body: { email: 'jane@example.com' } })).status).toBe(202);
  });

  it('returns 400 VALIDATION_ERROR naming the email field', async () => {
    const answer = await call('resendTemporaryPassword', { body: { email: 42 } });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^email: /) },
    });
  });

  it('answers an unexpected provider error for a known account exactly like an unknown email', async () => {
    await submitApplication({ email: 'jane@example.com' });
    class ProviderBoom extends Error {
      override readonly name = 'InternalErrorException';
    }
    jest
      .spyOn(world.cognito.directory, 'resendTemporaryPassword')
      .mockRejectedValueOnce(new ProviderBoom('x'));

    const known = await call('resendTemporaryPassword', { body: { email: 'jane@example.com' } });
    const unknown = await call('resendTemporaryPassword', { body: { email: 'nobody@example.com' } });

    expect(known).toMatchObject({ status: 202, body: unknown.body });
    expect(unknown.status).toBe(202);
  });

  it('stops all unauthenticated resends over the global cap, whatever the address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < RESEND_GLOBAL_LIMIT.hits + 1; i++) {
      answers.push((await call('resendTemporaryPassword', { body: { email: `u${i}@example.com` } })).status);
    }
    expect(answers.slice(0, RESEND_GLOBAL_LIMIT.hits).every((s) => s === 202)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });
});
