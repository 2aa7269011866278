import { totpCode } from '../../../lambdas/core/domain/totp';
import {
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
  temporaryPasswordOf,
} from '../../support/harness';

type Challenge = { name: string; session: string; secretCode?: string; otpauthUri?: string };
const EMAIL = 'mia@example.com';

describe('respondToChallenge (POST /auth/challenge): MFA_SETUP on a pool that requires MFA (-c mfaRequired=true)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld({ mfa: 'REQUIRED' });
  });

  async function firstPassword(): Promise<Challenge> {
    await submitApplication({ email: EMAIL });
    const answer = await call<{ challenge: Challenge }>('handleNewPasswordChallenge', {
      body: {
        email: EMAIL,
        temporaryPassword: temporaryPasswordOf(world, EMAIL),
        newPassword: STRONG_PASSWORD,
      },
    });
    expect(answer.status).toBe(200);
    return answer.body.challenge;
  }

  it('presents MFA_SETUP with the secret and otpauth URI; a code of it enrolls TOTP and gives tokens', async () => {
    const setup = await firstPassword();
    expect(setup).toEqual({
      name: 'MFA_SETUP',
      session: expect.any(String),
      secretCode: expect.stringMatching(/^[A-Z2-7]+$/),
      otpauthUri: expect.stringContaining(`otpauth://totp/`),
    });
    expect(setup.otpauthUri).toContain(`secret=${setup.secretCode}`);

    const answer = await call<{ tokens: { accessToken: string } }>('respondToChallenge', {
      body: {
        email: EMAIL,
        session: setup.session,
        name: 'MFA_SETUP',
        code: totpCode(setup.secretCode as string, world.clock().getTime()),
      },
    });
    expect(answer.status).toBe(200);
    const profile = await call<{ mfa: unknown; status: string }>('getProfile', {
      token: answer.body.tokens.accessToken,
    });
    expect(profile.body.mfa).toEqual({ enabled: true, required: false, method: 'totp' });

    // Enrolled: the next sign-in is the TOTP challenge, not MFA_SETUP again.
    const login = await call<{ challenge: Challenge }>('login', {
      body: { email: EMAIL, password: STRONG_PASSWORD },
    });
    expect(login.body.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses a wrong code with 400 CODE_MISMATCH and a used session with 401', async () => {
    const setup = await firstPassword();
    const wrong = await call('respondToChallenge', {
      body: { email: EMAIL, session: setup.session, name: 'MFA_SETUP', code: '000000' },
    });
    // (a real code could be 000000 once in a million; the secret is random)
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });

    const right = await call('respondToChallenge', {
      body: {
        email: EMAIL,
        session: setup.session,
        name: 'MFA_SETUP',
        code: totpCode(setup.secretCode as string, world.clock().getTime()),
      },
    });
    expect(right.status).toBe(200);
    const reused = await call('respondToChallenge', {
      body: {
        email: EMAIL,
        session: setup.session,
        name: 'MFA_SETUP',
        code: totpCode(setup.secretCode as string, world.clock().getTime() + 30_000),
      },
    });
    expect(reused).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });
});
