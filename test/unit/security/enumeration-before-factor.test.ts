import { openSession, sealingKey } from '../../../lambdas/core/domain/sealed-session';
import { activatedApplicant, adminToken, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';
import { registerPasskey } from '../../support/passkeys';

/**
 * docs/security.md, "No enumeration by body or header": before a factor is
 * proven, `/auth/sign-in` and `/auth/passwordless/start` (and a wrong answer
 * after them) answer an unknown, unconfirmed, disabled or suspended account
 * exactly as they answer an unknown email; no code is mailed; a passkey
 * request lists no credential for anyone.
 */
type Outcome = {
  challenge?: {
    name: string;
    session: string;
    availableChallenges?: string[];
    credentialRequestOptions?: Record<string, unknown>;
  };
  error?: { code: string; message: string };
};

const ACCOUNTS = {
  unknown: 'nobody@example.com',
  unconfirmed: 'unconfirmed@example.com',
  disabled: 'disabled@example.com',
  suspended: 'suspended@example.com',
  active: 'active@example.com',
} as const;

describe('nothing tells an account exists, or its state, before a factor', () => {
  let world: ReturnType<typeof freshWorld>;

  beforeAll(async () => {
    world = freshWorld();
    const admin = await adminToken(world);
    await call('register', { body: { email: ACCOUNTS.unconfirmed, password: STRONG_PASSWORD } });
    for (const email of [ACCOUNTS.disabled, ACCOUNTS.suspended, ACCOUNTS.active]) {
      const tokens = await activatedApplicant(world, email);
      await registerPasskey(tokens.accessToken);
    }
    for (const [email, action] of [
      [ACCOUNTS.disabled, 'disable'],
      [ACCOUNTS.suspended, 'suspend'],
    ] as const) {
      const userId = (await world.users.findByEmail(email))?.userId as string;
      await call('userAction', { token: admin, pathParameters: { userId, action: 'approve' } });
      const done = await call('userAction', { token: admin, pathParameters: { userId, action } });
      expect(done.status).toBe(200);
    }
  });

  // Each test starts in a fresh window of the per-address limit on emailed codes.
  beforeEach(() => world.advance(16 * 60_000));

  /** The answer with its session replaced by its length's class, so shapes compare exactly. */
  const shape = (answer: { status: number; body: Outcome }) =>
    JSON.stringify({
      status: answer.status,
      body: {
        ...answer.body,
        ...(answer.body.challenge
          ? {
              challenge: {
                ...answer.body.challenge,
                session: `~${Math.round(answer.body.challenge.session.length / 16)}`,
                ...(answer.body.challenge.credentialRequestOptions
                  ? {
                      credentialRequestOptions: Object.keys(
                        answer.body.challenge.credentialRequestOptions,
                      ).sort(),
                    }
                  : {}),
              },
            }
          : {}),
      },
    });

  const masked = ['unconfirmed', 'disabled', 'suspended'] as const;
  const starts = {
    'sign-in': (email: string) => call<Outcome>('signIn', { body: { email } }),
    'sign-in EMAIL_OTP': (email: string) =>
      call<Outcome>('signIn', { body: { email, preferred: 'EMAIL_OTP' } }),
    'sign-in WEB_AUTHN': (email: string) =>
      call<Outcome>('signIn', { body: { email, preferred: 'WEB_AUTHN' } }),
    'sign-in PASSWORD': (email: string) =>
      call<Outcome>('signIn', { body: { email, preferred: 'PASSWORD' } }),
    'passwordless start': (email: string) => call<Outcome>('startPasswordless', { body: { email } }),
  };

  describe.each(Object.keys(starts) as Array<keyof typeof starts>)('%s', (route) => {
    it.each(masked)('answers a %s account as an unknown email', async (state) => {
      const unknown = await starts[route](ACCOUNTS.unknown);
      const account = await starts[route](ACCOUNTS[state]);
      expect(unknown.status).toBe(200);
      expect(shape(account)).toBe(shape(unknown));
      expect(world.outbox.list(ACCOUNTS[state]).filter((m) => m.kind === 'SIGN_IN_CODE')).toEqual([]);
    });
  });

  it.each(masked)('answers a wrong factor for a %s account as for an unknown email', async (state) => {
    const answers = async (email: string) => {
      const otp = (await starts['sign-in EMAIL_OTP'](email)).body.challenge;
      const pw = (await starts['sign-in PASSWORD'](email)).body.challenge;
      const code = (await starts['passwordless start'](email)).body.challenge;
      return [
        await call('respondToChallenge', {
          body: { email, session: otp?.session, name: 'EMAIL_OTP', code: '12345678' },
        }),
        await call('respondToChallenge', {
          body: { email, session: pw?.session, name: 'PASSWORD', password: 'Wr0ng!Password' },
        }),
        await call('verifyPasswordless', { body: { email, session: code?.session, code: '123456' } }),
      ].map((a) => shape(a as never));
    };
    expect(await answers(ACCOUNTS[state])).toEqual(await answers(ACCOUNTS.unknown));
  });

  it('lists no credential id in a passkey request, for an account with passkeys as for anyone', async () => {
    const challenge = (await starts['sign-in WEB_AUTHN'](ACCOUNTS.active)).body.challenge;
    expect(challenge?.credentialRequestOptions?.allowCredentials).toEqual([]);
  });

  it('hands out sealed sessions: Cognito session and name are not readable, and an altered one is refused', async () => {
    const challenge = (await starts['sign-in'](ACCOUNTS.active)).body.challenge;
    const session = challenge?.session as string;
    expect(session).not.toContain(ACCOUNTS.active);
    const key = sealingKey(world.cognito.clientSecret);
    expect(openSession(key, session)?.decoy).toBe(false);
    expect(openSession(sealingKey('another deployment'), session)).toBeUndefined();
    const altered = `${session.slice(0, -2)}${session.endsWith('AA') ? 'BB' : 'AA'}`;
    const answer = await call<Outcome>('respondToChallenge', {
      body: {
        email: ACCOUNTS.active,
        session: altered,
        name: 'SELECT_CHALLENGE',
        answer: 'PASSWORD',
        password: STRONG_PASSWORD,
      },
    });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    // Another email's session is refused as Cognito refuses a session of another user.
    const foreign = await call<Outcome>('respondToChallenge', {
      body: {
        email: ACCOUNTS.unknown,
        session,
        name: 'SELECT_CHALLENGE',
        answer: 'PASSWORD',
        password: STRONG_PASSWORD,
      },
    });
    expect(foreign.status).toBe(401);
  });

  it('refuses a right password on a masked USER_AUTH start as any other; /auth/login tells the state after a right password', async () => {
    const pw = (await starts['sign-in PASSWORD'](ACCOUNTS.disabled)).body.challenge;
    const answer = await call<Outcome>('respondToChallenge', {
      body: { email: ACCOUNTS.disabled, session: pw?.session, name: 'PASSWORD', password: STRONG_PASSWORD },
    });
    // Under the decoy name a right password is as wrong as any: the state is told by /auth/login only.
    expect(answer.status).toBe(401);
    const login = await call<Outcome>('login', {
      body: { email: ACCOUNTS.disabled, password: STRONG_PASSWORD },
    });
    expect(login.body.error?.message).toBe('User is disabled.');
  });
});
