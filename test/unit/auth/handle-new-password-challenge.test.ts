import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { memoryWorld } from '../../../lambdas/core/adapters/memory/world';
import {
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
  temporaryPasswordOf,
} from '../../support/harness';

const EMAIL = 'jane@example.com';
const DAY = 86_400_000;

async function invited() {
  await submitApplication({ email: EMAIL });
  return temporaryPasswordOf(memoryWorld(), EMAIL);
}

async function loginSession(password: string): Promise<string> {
  const login = await call<{ challenge: { name: string; session: string } }>('login', {
    body: { email: EMAIL, password },
  });
  expect(login.body.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
  return login.body.challenge.session;
}

describe('handleNewPasswordChallenge (POST /auth/new-password)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  it('answers with tokens given the temporary password, and the new password works from then on', async () => {
    const temporaryPassword = await invited();

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword, newPassword: STRONG_PASSWORD },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers['Cache-Control']).toBe('no-store');
    expect(answer.body).toEqual({
      tokens: {
        idToken: expect.any(String),
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 3600,
        tokenType: 'Bearer',
      },
    });
    expect((await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).body).toHaveProperty(
      'tokens',
    );
    expect((await call('login', { body: { email: EMAIL, password: temporaryPassword } })).status).toBe(401);
  });

  it('answers with tokens given the session from login', async () => {
    const session = await loginSession(await invited());

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, session, newPassword: STRONG_PASSWORD },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('tokens.accessToken');
  });

  it('issues RS256 tokens with Cognito claims that aws-jwt-verify accepts', async () => {
    const temporaryPassword = await invited();
    const answer = await call<{ tokens: { idToken: string; accessToken: string } }>(
      'handleNewPasswordChallenge',
      {
        body: { email: EMAIL, temporaryPassword, newPassword: STRONG_PASSWORD },
      },
    );
    const { userPoolId, clientId, jwks } = world.cognito;
    const idVerifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
    idVerifier.cacheJwks(jwks);
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
    accessVerifier.cacheJwks(jwks);

    const id = await idVerifier.verify(answer.body.tokens.idToken);
    const access = await accessVerifier.verify(answer.body.tokens.accessToken);

    expect(id).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
      aud: clientId,
      token_use: 'id',
      email: EMAIL,
      email_verified: true,
      'custom:role': 'user',
    });
    expect(access).toMatchObject({
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(access.sub).toBe(id.sub);
    expect(access.exp - access.iat).toBe(3600);
  });

  it('moves the User record pending_verification -> pending_approval and marks the email verified', async () => {
    const temporaryPassword = await invited();
    await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword, newPassword: STRONG_PASSWORD },
    });

    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({
      status: 'pending_approval',
      emailVerified: true,
    });
  });

  it('returns 400 INVALID_PASSWORD for a new password that fails the policy, and changes nothing', async () => {
    const temporaryPassword = await invited();

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword, newPassword: 'alllowercase1!' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { code: 'INVALID_PASSWORD', message: 'newPassword needs an upper-case letter.' },
    });
    expect(answer.raw.body).not.toContain('alllowercase1!');
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toMatchObject({
      status: 'FORCE_CHANGE_PASSWORD',
    });
  });

  it('returns the same 401 NOT_AUTHORIZED for a wrong temporary password and an unknown email', async () => {
    await invited();

    const wrong = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword: 'Wrong-Passw0rd', newPassword: STRONG_PASSWORD },
    });
    const unknown = await call('handleNewPasswordChallenge', {
      body: {
        email: 'nobody@example.com',
        temporaryPassword: 'Wrong-Passw0rd',
        newPassword: STRONG_PASSWORD,
      },
    });

    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'NOT_AUTHORIZED', message: 'Incorrect email or password.' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('returns 401 TEMPORARY_PASSWORD_EXPIRED after the validity period, and a resend fixes it', async () => {
    const temporaryPassword = await invited();
    world.advance(8 * DAY);

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword, newPassword: STRONG_PASSWORD },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'TEMPORARY_PASSWORD_EXPIRED' } });

    expect((await call('resendTemporaryPassword', { body: { email: EMAIL } })).status).toBe(202);
    const fresh = temporaryPasswordOf(world, EMAIL);
    const retry = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword: fresh, newPassword: STRONG_PASSWORD },
    });
    expect(retry.status).toBe(200);
  });

  it('returns 409 NEW_PASSWORD_NOT_REQUIRED when the password was already changed', async () => {
    const temporaryPassword = await invited();
    await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword, newPassword: STRONG_PASSWORD },
    });

    const again = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, temporaryPassword: STRONG_PASSWORD, newPassword: 'An0ther!Passw0rd' },
    });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'NEW_PASSWORD_NOT_REQUIRED' } });
  });

  it.each([
    ['made up', async () => 'x'.repeat(64)],
    [
      'already used',
      async () => {
        const session = await loginSession(temporaryPasswordOf(world, EMAIL));
        await call('handleNewPasswordChallenge', {
          body: { email: EMAIL, session, newPassword: STRONG_PASSWORD },
        });
        return session;
      },
    ],
    [
      'older than 3 minutes',
      async () => {
        const session = await loginSession(temporaryPasswordOf(world, EMAIL));
        world.advance(3 * 60_000 + 1);
        return session;
      },
    ],
  ])('returns 401 NOT_AUTHORIZED for a session that is %s', async (_, sessionOf) => {
    await invited();
    const session = await sessionOf();

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: EMAIL, session, newPassword: 'Y3t-An0ther!Pass' },
    });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'NOT_AUTHORIZED' } });
  });

  it('returns 401 for a session issued to another user', async () => {
    await invited();
    const session = await loginSession(temporaryPasswordOf(world, EMAIL));
    await submitApplication({ email: 'other@example.com' });

    const answer = await call('handleNewPasswordChallenge', {
      body: { email: 'other@example.com', session, newPassword: STRONG_PASSWORD },
    });

    expect(answer.status).toBe(401);
  });

  it.each([
    [{ email: EMAIL, newPassword: STRONG_PASSWORD }],
    [{ email: EMAIL, temporaryPassword: 'x' }],
    [{ temporaryPassword: 'Temp-Passw0rd', newPassword: STRONG_PASSWORD }],
    [{ email: EMAIL, temporaryPassword: 7, newPassword: STRONG_PASSWORD }],
  ])('returns 400 VALIDATION_ERROR for %j', async (body) => {
    const answer = await call('handleNewPasswordChallenge', { body });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    expect(JSON.stringify(answer.body)).not.toContain('Temp-Passw0rd');
  });
});
