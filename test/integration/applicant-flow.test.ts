import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { cognitoAccessTokenVerifier } from '../../lambdas/core/auth/access-token-verifier';
import { emulatorJwks } from '../../local/emulators';
import { COGNITO_LOCAL_GAPS, MOTO_GAPS } from '../../local/emulators/gaps';
import { call, STRONG_PASSWORD, submitApplication } from '../support/harness';
import { deliveredCode, emulators, uniqueEmail } from './emulators';

type Tokens = { tokens: { accessToken: string; idToken: string; refreshToken?: string } };

describe('the applicant flow on cognito-local and DynamoDB Local (MOCK_MODE=false)', () => {
  const users = () => new DynamoDbUserStore({ tableName: emulators().tables.users });

  it('creates the applicant, delivers a temporary password, answers NEW_PASSWORD_REQUIRED, and issues verifiable tokens', async () => {
    const email = uniqueEmail('applicant');

    const created = await submitApplication({ email, name: 'Integration Applicant' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      created: true,
      user: { email, cognitoStatus: 'FORCE_CHANGE_PASSWORD' },
    });
    const userId = (created.body.user as { userId: string }).userId;
    await expect(users().get(userId)).resolves.toMatchObject({ email, status: 'pending_verification' });

    const temporaryPassword = await deliveredCode(email);
    const login = await call<{ challenge: { name: string; session: string } }>('login', {
      body: { email, password: temporaryPassword },
    });
    expect(login.status).toBe(200);
    expect(login.body.challenge.name).toBe('NEW_PASSWORD_REQUIRED');

    const answered = await call<Tokens>('handleNewPasswordChallenge', {
      body: { email, session: login.body.challenge.session, newPassword: STRONG_PASSWORD },
    });
    expect(answered.status).toBe(200);

    // The production verification path, with the emulator's JWKS.
    const { userPoolId, clientId } = emulators();
    const verifier = cognitoAccessTokenVerifier({
      userPoolId,
      clientId,
      jwks: await emulatorJwks(emulators()),
    });
    await expect(verifier.verify(answered.body.tokens.accessToken)).resolves.toMatchObject({
      sub: userId,
      token_use: 'access',
      client_id: clientId,
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
    });

    await expect(users().get(userId)).resolves.toMatchObject({
      status: 'pending_approval',
      emailVerified: true,
    });

    // GET /me through the authorizer emulation, which fetches the JWKS from COGNITO_JWKS_URI.
    const me = await call('getProfile', { token: answered.body.tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId, email, status: 'pending_approval', groups: [] });

    const again = await call('login', { body: { email, password: STRONG_PASSWORD } });
    expect(again.body).toHaveProperty('tokens.accessToken');
  });

  it('answers a repeated application 200 created:false with the same user id only', async () => {
    const email = uniqueEmail('repeat');
    const first = await submitApplication({ email });
    const second = await submitApplication({ email });

    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      created: false,
      user: { userId: (first.body.user as { userId: string }).userId },
    });
  });

  it('answers a wrong password for a confirmed user with 401 NOT_AUTHORIZED, like an unknown email', async () => {
    const email = uniqueEmail('confirmed');
    await submitApplication({ email });
    const login = await call<{ challenge: { session: string } }>('login', {
      body: { email, password: await deliveredCode(email) },
    });
    await call('handleNewPasswordChallenge', {
      body: { email, session: login.body.challenge.session, newPassword: STRONG_PASSWORD },
    });

    const wrong = await call('login', { body: { email, password: 'Wr0ng!Password' } });
    const unknown = await call('login', {
      body: { email: uniqueEmail('nobody'), password: 'Wr0ng!Password' },
    });

    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'NOT_AUTHORIZED' } });
    expect(unknown.raw.body).toBe(wrong.raw.body);
  });

  it('rejects a forged token at the authorizer', async () => {
    const me = await call('getProfile', { token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' });

    expect(me.status).toBe(401);
  });

  // Named skip, on both emulators (local/emulators/gaps.ts, `resend`): neither
  // implements AdminCreateUser MessageAction=RESEND as Cognito does. The RESEND
  // command input and its error mapping are asserted by the aws-sdk-client-mock
  // adapter test; the per-email throttle behind this route runs on DynamoDB Local
  // in the RateLimiter contract suite.
  it.skip(`resends the temporary password [skipped on cognito-local: ${COGNITO_LOCAL_GAPS.resend}; on moto: ${MOTO_GAPS.resend}]`, async () => {
    const email = uniqueEmail('resend');
    await submitApplication({ email });
    const first = await deliveredCode(email);

    expect((await call('resendTemporaryPassword', { body: { email } })).status).toBe(202);
    expect(await deliveredCode(email, first)).not.toBe(first);
  });
});
