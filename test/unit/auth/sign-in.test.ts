import { EMAIL_OTP } from '../../../lambdas/core/adapters/memory/cognito/user-auth';
import { EMAIL_OTP_SEND_LIMIT } from '../../../lambdas/core/domain/send-limits';
import { activatedApplicant, call, enrollTotp, freshWorld, STRONG_PASSWORD } from '../../support/harness';
import { PAGE_ORIGIN, registerPasskey } from '../../support/passkeys';

type Challenge = {
  name: string;
  session: string;
  availableChallenges?: string[];
  credentialRequestOptions?: Record<string, unknown>;
};
type Outcome = { challenge?: Challenge; tokens?: { accessToken: string } };

const start = (body: Record<string, unknown>) => call<Outcome>('signIn', { body });
const answer = (body: Record<string, unknown>) => call<Outcome>('respondToChallenge', { body });

describe('signIn (POST /auth/sign-in): USER_AUTH, the choice-based sign-in', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(async () => {
    world = freshWorld();
    await activatedApplicant(world, 'jane@example.com');
  });

  it('offers SELECT_CHALLENGE with the pool first factors, and the same for an unknown email', async () => {
    const known = await start({ email: 'Jane@Example.com' });
    const unknown = await start({ email: 'nobody@example.com' });

    expect(known.status).toBe(200);
    expect(known.body).toEqual({
      challenge: {
        name: 'SELECT_CHALLENGE',
        session: expect.any(String),
        availableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
      },
    });
    expect(unknown.body).toEqual({ challenge: { ...known.body.challenge, session: expect.any(String) } });
  });

  it('signs in with SELECT_CHALLENGE answered PASSWORD and the password in one step', async () => {
    const { body } = await start({ email: 'jane@example.com' });
    const done = await answer({
      email: 'jane@example.com',
      session: body.challenge?.session,
      name: 'SELECT_CHALLENGE',
      answer: 'PASSWORD',
      password: STRONG_PASSWORD,
    });

    expect(done.status).toBe(200);
    expect(done.body.tokens?.accessToken).toEqual(expect.any(String));
  });

  it('signs in with a preferred PASSWORD, and a wrong password is the same 401 as an unknown email', async () => {
    const challenge = (await start({ email: 'jane@example.com', preferred: 'PASSWORD' })).body.challenge;
    expect(challenge?.name).toBe('PASSWORD');
    const wrong = await answer({
      email: 'jane@example.com',
      session: challenge?.session,
      name: 'PASSWORD',
      password: 'Wr0ng!Password',
    });
    const other = (await start({ email: 'nobody@example.com', preferred: 'PASSWORD' })).body.challenge;
    const unknown = await answer({
      email: 'nobody@example.com',
      session: other?.session,
      name: 'PASSWORD',
      password: 'Wr0ng!Password',
    });

    expect(wrong.status).toBe(401);
    expect(wrong.raw.body).toBe(unknown.raw.body);
  });

  it('goes on to SOFTWARE_TOKEN_MFA after a password when the user has TOTP', async () => {
    const tokens = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: 'jane@example.com', password: STRONG_PASSWORD },
    });
    await enrollTotp(world, tokens.body.tokens.accessToken);
    const challenge = (await start({ email: 'jane@example.com', preferred: 'PASSWORD' })).body.challenge;

    const next = await answer({
      email: 'jane@example.com',
      session: challenge?.session,
      name: 'PASSWORD',
      password: STRONG_PASSWORD,
    });

    expect(next.body.challenge?.name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it(`mails an ${EMAIL_OTP.digits}-digit EMAIL_OTP code that signs in once; an unknown email gets no mail`, async () => {
    const challenge = (await start({ email: 'jane@example.com', preferred: 'EMAIL_OTP' })).body.challenge;
    await start({ email: 'nobody@example.com', preferred: 'EMAIL_OTP' });
    const mail = world.outbox.latest('jane@example.com', 'SIGN_IN_CODE');

    expect(challenge).toEqual({ name: 'EMAIL_OTP', session: expect.any(String) });
    expect(mail?.secret).toMatch(new RegExp(`^\\d{${EMAIL_OTP.digits}}$`));
    expect(world.outbox.latest('nobody@example.com')).toBeUndefined();
    const body = {
      email: 'jane@example.com',
      session: challenge?.session,
      name: 'EMAIL_OTP',
      code: mail?.secret,
    };
    const done = await answer(body);
    expect(done.body.tokens).toBeDefined();
    expect((await answer(body)).status).toBe(401);
  });

  it('refuses an emailed code or a passkey alone for an account with MFA (401 after a right factor, tokens revoked)', async () => {
    const login = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: 'jane@example.com', password: STRONG_PASSWORD },
    });
    const { accessToken } = login.body.tokens;
    const { authenticator } = await registerPasskey(accessToken);
    await enrollTotp(world, accessToken);
    const revoked = jest.spyOn(world.cognito.signIn, 'revoke');

    const otp = (await start({ email: 'jane@example.com', preferred: 'EMAIL_OTP' })).body.challenge;
    const base = { email: 'jane@example.com', session: otp?.session, name: 'EMAIL_OTP' };
    const wrong = await answer({ ...base, code: '00000000' });
    const right = await answer({
      ...base,
      code: world.outbox.latest('jane@example.com', 'SIGN_IN_CODE')?.secret,
    });
    const web = (await start({ email: 'jane@example.com', preferred: 'WEB_AUTHN' })).body.challenge;
    const passkey = await answer({
      email: 'jane@example.com',
      session: web?.session,
      name: 'WEB_AUTHN',
      credential: authenticator.authenticate(web?.credentialRequestOptions as never, PAGE_ORIGIN),
    });

    // A wrong code answers as for anyone; only the holder of the factor learns the account needs more.
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    expect(right).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    expect(passkey).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    expect(revoked).toHaveBeenCalledTimes(2);
  });

  it('limits emailed codes per address, known or not: the sixth in 15 minutes is 429 with Retry-After', async () => {
    for (const email of ['jane@example.com', 'nobody@example.com']) {
      for (let i = 0; i < EMAIL_OTP_SEND_LIMIT.hits - 1; i++)
        expect((await start({ email, preferred: 'EMAIL_OTP' })).status).toBe(200);
      const offered = (await start({ email })).body.challenge;
      const chosen = await answer({
        email,
        session: offered?.session,
        name: 'SELECT_CHALLENGE',
        answer: 'EMAIL_OTP',
      });
      expect(chosen.status).toBe(200);
      const over = await start({ email, preferred: 'EMAIL_OTP' });
      expect(over).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_REQUESTS' } } });
      expect(over.headers['Retry-After']).toBe(String(EMAIL_OTP_SEND_LIMIT.windowSeconds));
    }
    expect(world.outbox.list().filter((m) => m.kind === 'SIGN_IN_CODE')).toHaveLength(
      EMAIL_OTP_SEND_LIMIT.hits,
    );
    // The password stays open.
    expect((await start({ email: 'jane@example.com', preferred: 'PASSWORD' })).status).toBe(200);
  });

  it('ends an EMAIL_OTP session after three wrong codes, and refuses a code once its time is over', async () => {
    const challenge = (await start({ email: 'jane@example.com', preferred: 'EMAIL_OTP' })).body.challenge;
    const code = world.outbox.latest('jane@example.com', 'SIGN_IN_CODE')?.secret;
    const base = { email: 'jane@example.com', session: challenge?.session, name: 'EMAIL_OTP' };

    for (let i = 0; i < 3; i++) {
      const wrong = await answer({ ...base, code: '00000000' });
      expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    }
    expect((await answer({ ...base, code })).status).toBe(401);

    const again = (await start({ email: 'jane@example.com', preferred: 'EMAIL_OTP' })).body.challenge;
    const fresh = world.outbox.latest('jane@example.com', 'SIGN_IN_CODE')?.secret;
    world.advance(EMAIL_OTP.validityMs + 1000);
    const late = await answer({ ...base, session: again?.session, code: fresh });
    // The code lives as long as its session: past it, the session is gone.
    expect(late).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  it('refuses an answer to another step than the session is at, and a session of another email', async () => {
    const challenge = (await start({ email: 'jane@example.com' })).body.challenge;
    const wrongStep = await answer({
      email: 'jane@example.com',
      session: challenge?.session,
      name: 'EMAIL_OTP',
      code: '12345678',
    });
    const again = (await start({ email: 'jane@example.com' })).body.challenge;
    const otherEmail = await answer({
      email: 'nobody@example.com',
      session: again?.session,
      name: 'SELECT_CHALLENGE',
      answer: 'PASSWORD',
      password: STRONG_PASSWORD,
    });

    expect(wrongStep).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    expect(otherEmail).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  it('answers 400 VALIDATION_ERROR for a factor the API does not know, and without the field a step needs', async () => {
    const bad = await start({ email: 'jane@example.com', preferred: 'SMS_OTP' });
    const challenge = (await start({ email: 'jane@example.com', preferred: 'PASSWORD' })).body.challenge;
    const missing = await answer({
      email: 'jane@example.com',
      session: challenge?.session,
      name: 'PASSWORD',
    });

    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });

  it('refuses a confirmation session presented with another email, which spends it', async () => {
    await call('register', { body: { email: 'new@example.com', password: STRONG_PASSWORD } });
    const code = world.outbox.latest('new@example.com', 'VERIFICATION_CODE')?.secret;
    const confirmed = await call<{ status: string; session: string }>('confirmRegistration', {
      body: { email: 'new@example.com', code },
    });
    expect(confirmed.body).toEqual({ status: 'pending_approval', session: expect.any(String) });

    const otherEmail = await start({ email: 'jane@example.com', session: confirmed.body.session });
    const signedIn = await start({ email: 'new@example.com', session: confirmed.body.session });
    const again = await start({ email: 'new@example.com', session: confirmed.body.session });

    expect(otherEmail).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    // The first use with another email spent it, as a wrong answer spends a challenge session.
    expect(signedIn.status).toBe(401);
    expect(again.status).toBe(401);
  });

  it('signs in with the confirmation session, and never hands it out for a wrong code', async () => {
    await call('register', { body: { email: 'new@example.com', password: STRONG_PASSWORD } });
    const code = world.outbox.latest('new@example.com', 'VERIFICATION_CODE')?.secret;
    const wrong = await call('confirmRegistration', { body: { email: 'new@example.com', code: '000000' } });
    const confirmed = await call<{ session: string }>('confirmRegistration', {
      body: { email: 'new@example.com', code },
    });

    const signedIn = await start({ email: 'New@Example.com', session: confirmed.body.session });

    expect(wrong.body).toEqual({ error: { code: 'CODE_MISMATCH', message: expect.any(String) } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.tokens?.accessToken).toEqual(expect.any(String));
    const me = await call<{ email: string; status: string }>('getProfile', {
      token: signedIn.body.tokens?.accessToken,
    });
    expect(me.body).toMatchObject({ email: 'new@example.com', status: 'pending_approval' });
  });

  it('offers only PASSWORD on a pool that requires MFA (no passwordless first factor)', async () => {
    freshWorld({ mfa: 'REQUIRED' });

    const offered = await start({ email: 'anyone@example.com' });

    expect(offered.body.challenge?.availableChallenges).toEqual(['PASSWORD']);
  });

  it('leaves WEB_AUTHN out where the pool has no relying party', async () => {
    freshWorld({ passkeys: 'off' });

    const offered = await start({ email: 'anyone@example.com' });

    expect(offered.body.challenge?.availableChallenges).toEqual(['PASSWORD', 'EMAIL_OTP']);
  });
});
