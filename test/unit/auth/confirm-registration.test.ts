import { call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

const EMAIL = 'sam@example.com';

describe('confirmRegistration (POST /auth/register/confirm)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });
  const codeOf = (email = EMAIL) => world.outbox.latest(email, 'VERIFICATION_CODE')?.secret as string;

  it('confirms with the code: pending_approval and email verified; then sign-in works', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).toMatchObject({
      status: 403,
      body: { error: { code: 'USER_NOT_CONFIRMED' } },
    });
    expect(await call('login', { body: { email: EMAIL, password: 'Wr0ng!Password' } })).toMatchObject({
      status: 401,
      body: { error: { code: 'NOT_AUTHORIZED' } },
    });

    const confirmed = await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } });

    expect(confirmed).toMatchObject({ status: 200, body: { status: 'pending_approval' } });
    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({
      status: 'pending_approval',
      emailVerified: true,
    });
    expect((await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).body).toHaveProperty(
      'tokens',
    );
  });

  it('returns 400 CODE_MISMATCH, CODE_EXPIRED and 429 as Cognito does', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(await call('confirmRegistration', { body: { email: EMAIL, code: '000000' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_MISMATCH' } },
    });
    expect(
      await call('confirmRegistration', { body: { email: 'nobody@example.com', code: '000000' } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_MISMATCH' } },
    });
    world.advance(25 * 60 * 60 * 1000);
    expect(await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_EXPIRED' } },
    });
    await call('resendRegistrationCode', { body: { email: EMAIL } });
    for (let i = 0; i < 5; i++) await call('confirmRegistration', { body: { email: EMAIL, code: '000000' } });
    expect((await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).status).toBe(429);
  });

  it('writes the missing record at confirmation when registration could not', async () => {
    jest.spyOn(world.users, 'create').mockRejectedValueOnce(new Error('throttled'));
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    await expect(world.users.findByEmail(EMAIL)).resolves.toBeUndefined();

    await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } });

    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ status: 'pending_approval' });
  });
});
