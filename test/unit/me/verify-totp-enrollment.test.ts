import { totpCode } from '../../../lambdas/core/domain/totp';
import { activatedApplicant, call, enrollTotp, freshWorld, STRONG_PASSWORD } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('verifyTotpEnrollment (POST /me/mfa/totp/verify)', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  const enroll = (access = tokens.accessToken) => enrollTotp(world, access);

  it('verifies, turns TOTP on in the profile, and then sign-in asks for the code', async () => {
    const { verify, secret } = await enroll();
    expect(verify).toMatchObject({
      status: 200,
      body: { email: EMAIL, mfa: { enabled: true, method: 'totp' } },
    });

    const login = await call<{ challenge: { name: string; session: string } }>('login', {
      body: { email: EMAIL, password: STRONG_PASSWORD },
    });
    expect(login.body.challenge.name).toBe('SOFTWARE_TOKEN_MFA');

    const wrong = await call('respondToChallenge', {
      body: {
        email: EMAIL,
        session: login.body.challenge.session,
        name: 'SOFTWARE_TOKEN_MFA',
        code: '000000',
      },
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });

    world.advance(30_000);
    const code = totpCode(secret, world.clock().getTime());
    const right = await call('respondToChallenge', {
      body: { email: EMAIL, session: login.body.challenge.session, name: 'SOFTWARE_TOKEN_MFA', code },
    });
    expect(right.status).toBe(200);
    expect(right.body).toHaveProperty('tokens.accessToken');

    // The session is spent, and the code is good once in its window.
    const reused = await call('respondToChallenge', {
      body: { email: EMAIL, session: login.body.challenge.session, name: 'SOFTWARE_TOKEN_MFA', code },
    });
    expect(reused).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  it('returns 400 CODE_MISMATCH for a wrong code, and keeps MFA off', async () => {
    await call('startTotpEnrollment', { token: tokens.accessToken });
    const answer = await call('verifyTotpEnrollment', {
      token: tokens.accessToken,
      body: { code: '123456' },
    });

    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    const login = await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(login.body).toHaveProperty('tokens');
  });

  it('moves the ladder pending_mfa -> pending_subscription', async () => {
    const record = await world.users.findByEmail(EMAIL);
    await world.users.transition(record?.userId as string, 'pending_approval', 'pending_mfa');

    await enroll();

    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ status: 'pending_subscription' });
  });

  it('returns 400 VALIDATION_ERROR for a code that is not 6 digits', async () => {
    const answer = await call('verifyTotpEnrollment', {
      token: tokens.accessToken,
      body: { code: '12ab' },
    });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });
});
