import { activatedApplicant, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

const EMAIL = 'jane@example.com';
const NEW_PASSWORD = 'N3w!Passw0rd-2026';

describe('resetPassword (POST /auth/password/reset)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(async () => {
    world = freshWorld();
    await activatedApplicant(world, EMAIL);
  });
  const codeOf = () => world.outbox.latest(EMAIL, 'RESET_CODE')?.secret as string;

  it('resets with the emailed code: the old password stops working, the new one signs in', async () => {
    await call('requestPasswordReset', { body: { email: EMAIL } });

    const answer = await call('resetPassword', {
      body: { email: EMAIL, code: codeOf(), newPassword: NEW_PASSWORD },
    });

    expect(answer.status).toBe(200);
    expect((await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).status).toBe(401);
    expect((await call('login', { body: { email: EMAIL, password: NEW_PASSWORD } })).body).toHaveProperty(
      'tokens',
    );
    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({
      passwordResetAt: expect.any(String),
    });
  });

  it('returns 400 CODE_MISMATCH for a wrong code, and the same for an unknown email', async () => {
    await call('requestPasswordReset', { body: { email: EMAIL } });
    const wrong = await call('resetPassword', {
      body: { email: EMAIL, code: '000000', newPassword: NEW_PASSWORD },
    });
    const unknown = await call('resetPassword', {
      body: { email: 'nobody@example.com', code: '000000', newPassword: NEW_PASSWORD },
    });

    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    expect(unknown).toMatchObject({ status: 400, body: wrong.body });
  });

  it('returns 400 CODE_EXPIRED after an hour, and 429 after five wrong codes', async () => {
    await call('requestPasswordReset', { body: { email: EMAIL } });
    world.advance(61 * 60 * 1000);
    expect(
      await call('resetPassword', { body: { email: EMAIL, code: codeOf(), newPassword: NEW_PASSWORD } }),
    ).toMatchObject({ status: 400, body: { error: { code: 'CODE_EXPIRED' } } });

    world.advance(15 * 60 * 1000);
    await call('requestPasswordReset', { body: { email: EMAIL } });
    for (let i = 0; i < 5; i++) {
      await call('resetPassword', { body: { email: EMAIL, code: '000000', newPassword: NEW_PASSWORD } });
    }
    expect(
      await call('resetPassword', { body: { email: EMAIL, code: codeOf(), newPassword: NEW_PASSWORD } }),
    ).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_REQUESTS' } } });
  });

  it('returns 400 INVALID_PASSWORD for a weak new password, before the code is spent', async () => {
    await call('requestPasswordReset', { body: { email: EMAIL } });
    const weak = await call('resetPassword', {
      body: { email: EMAIL, code: codeOf(), newPassword: 'weakpass' },
    });
    const strong = await call('resetPassword', {
      body: { email: EMAIL, code: codeOf(), newPassword: NEW_PASSWORD },
    });

    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PASSWORD' } } });
    expect(strong.status).toBe(200);
  });
});
