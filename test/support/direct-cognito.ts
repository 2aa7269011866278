import { createHmac } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  ForgotPasswordCommand,
  GetDeviceCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  ListWebAuthnCredentialsCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totpCode } from '../../lambdas/core/domain/totp';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { emulatorCognitoClient } from '../../local/emulators/cognito-client';
import { backendNamed } from '../../local/emulators/fidelity';
import type { EmulatorGap, EmulatorGaps } from '../../local/emulators/gaps';
import { SoftwareAuthenticator } from '../../local/software-authenticator';
import { recordFidelityCalls } from './fidelity-calls';

/** What a backend of Cognito's public API lacks (local/emulators/gaps.ts); each skip names the backend and says why. */
export type DirectGap = EmulatorGap;

/** A running local API and the Cognito its real or fake adapters talk to. */
export interface DirectBackend {
  name: string;
  /** Our API's base URL (npm start or npm run start:emulators, in-process). */
  api(): string;
  /** Cognito's endpoint: the fake on the local server's root, or cognito-local. */
  cognito(): string;
  clientId(): string;
  /** The app client's secret, as only the API's functions hold it (to show the hash is what is checked). */
  clientSecret(): string;
  gaps: EmulatorGaps;
}

const PASSWORD = 'Str0ng!Passw0rd-direct';
const WEBHOOK_SECRET = 'local-webhook-secret';

/**
 * Every call of Cognito's public API that a caller who goes around our API
 * can make — anyone with the client id (unauthenticated) or a signed-in user
 * with their own access token — tried through the AWS SDK against the backend,
 * each test naming the rule of our API it protects (issue 20; docs/security.md).
 */
export function directCognitoSuite(backend: DirectBackend): void {
  const clients = new WeakSet<object>();
  const cognito = () => {
    const client = emulatorCognitoClient(backend.cognito());
    clients.add(client);
    return client;
  };
  const kind = backendNamed(backend.name);
  recordFidelityCalls((client) => (clients.has(client) ? kind : undefined));
  const skip = (gap: DirectGap) => (backend.gaps[gap] ? it.skip : it);
  const note = (gap: DirectGap) =>
    backend.gaps[gap] ? ` [skipped on ${backend.name}: ${backend.gaps[gap]}]` : '';
  const api = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${backend.api()}${path}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const me = (token: string) => api('GET', '/me', undefined, token);
  /** A user made through our API: an application, the emailed temporary password, a new password. */
  const user = async (label: string) => {
    const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
    const application = JSON.stringify({ email });
    await api('POST', `/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, application);
    const outbox = await (
      await fetch(`${backend.api()}/_local/outbox?to=${encodeURIComponent(email)}`)
    ).json();
    const temporary = (outbox as { messages: Array<{ secret: string }> }).messages[0]?.secret;
    const login = await api('POST', '/auth/login', { email, password: temporary });
    const done = await api('POST', '/auth/new-password', {
      email,
      session: login.body.challenge.session,
      newPassword: PASSWORD,
    });
    const tokens = done.body.tokens as { accessToken: string; refreshToken: string };
    return { email, ...tokens };
  };
  /** TOTP enrolled and preferred straight in Cognito with the user's own token (no route of ours). */
  const enableTotpStraight = async (accessToken: string) => {
    const { SecretCode } = await cognito().send(
      new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
    );
    const code = totpCode(SecretCode as string, Date.now());
    await cognito().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code }));
    await cognito().send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  };
  const refused = async (call: Promise<unknown>, type = 'NotAuthorizedException') =>
    expect(call).rejects.toMatchObject({ name: type });
  const hash = (username: string) =>
    createHmac('sha256', backend.clientSecret())
      .update(username + backend.clientId())
      .digest('base64');

  describe(`Cognito's public API called around the API, on ${backend.name}`, () => {
    describe('anyone holding the client id (unauthenticated calls)', () => {
      const rule = 'rule: per-email limits, uniform answers and the WAF cannot be walked around';
      const ClientId = () => backend.clientId();
      skip('secretHash').each([
        [
          'InitiateAuth USER_PASSWORD_AUTH',
          (e: string) =>
            new InitiateAuthCommand({
              ClientId: ClientId(),
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: e, PASSWORD },
            }),
        ],
        [
          'InitiateAuth USER_AUTH',
          (e: string) =>
            new InitiateAuthCommand({
              ClientId: ClientId(),
              AuthFlow: 'USER_AUTH',
              AuthParameters: { USERNAME: e, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
            }),
        ],
        [
          'InitiateAuth CUSTOM_AUTH',
          (e: string) =>
            new InitiateAuthCommand({
              ClientId: ClientId(),
              AuthFlow: 'CUSTOM_AUTH',
              AuthParameters: { USERNAME: e },
            }),
        ],
        [
          'RespondToAuthChallenge',
          (e: string) =>
            new RespondToAuthChallengeCommand({
              ClientId: ClientId(),
              ChallengeName: 'CUSTOM_CHALLENGE',
              Session: 'x'.repeat(40),
              ChallengeResponses: { USERNAME: e, ANSWER: '123456' },
            }),
        ],
        [
          'SignUp',
          (e: string) =>
            new SignUpCommand({ ClientId: ClientId(), Username: `new-${e}`, Password: PASSWORD }),
        ],
        [
          'ConfirmSignUp',
          (e: string) =>
            new ConfirmSignUpCommand({ ClientId: ClientId(), Username: e, ConfirmationCode: '123456' }),
        ],
        [
          'ResendConfirmationCode',
          (e: string) => new ResendConfirmationCodeCommand({ ClientId: ClientId(), Username: e }),
        ],
        ['ForgotPassword', (e: string) => new ForgotPasswordCommand({ ClientId: ClientId(), Username: e })],
        [
          'ConfirmForgotPassword',
          (e: string) =>
            new ConfirmForgotPasswordCommand({
              ClientId: ClientId(),
              Username: e,
              ConfirmationCode: '123456',
              Password: PASSWORD,
            }),
        ],
      ] as const)(
        `${rule}: %s without the SECRET_HASH is refused${note('secretHash')}`,
        async (_name, command) => {
          const { email } = await user('nohash');
          await refused(cognito().send(command(email) as never));
        },
      );

      skip('userAuth')(
        `${rule}: USER_AUTH with the API's own secret signs in with a preferred PASSWORD at once, as Cognito does${note('userAuth')}`,
        async () => {
          const { email } = await user('userauth');
          const answer = await cognito().send(
            new InitiateAuthCommand({
              ClientId: backend.clientId(),
              AuthFlow: 'USER_AUTH',
              AuthParameters: {
                USERNAME: email,
                PREFERRED_CHALLENGE: 'PASSWORD',
                PASSWORD,
                SECRET_HASH: hash(email),
              },
            }),
          );
          expect(answer.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
        },
      );

      skip('secretHash')(
        `${rule}: REFRESH_TOKEN_AUTH and RevokeToken need the secret; with the API's secret the hash is accepted${note('secretHash')}`,
        async () => {
          const { email, refreshToken } = await user('refresh');
          const cognitoRefresh = refreshToken.slice(refreshToken.indexOf('~') + 1);
          await refused(
            cognito().send(
              new InitiateAuthCommand({
                ClientId: backend.clientId(),
                AuthFlow: 'REFRESH_TOKEN_AUTH',
                AuthParameters: { REFRESH_TOKEN: cognitoRefresh },
              }),
            ),
          );
          await refused(
            cognito().send(new RevokeTokenCommand({ ClientId: backend.clientId(), Token: cognitoRefresh })),
          );
          const withHash = await cognito().send(
            new InitiateAuthCommand({
              ClientId: backend.clientId(),
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: email, PASSWORD, SECRET_HASH: hash(email) },
            }),
          );
          expect(withHash.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
        },
      );
    });

    describe('a signed-in user with their own access token', () => {
      it('GetUser answers about the caller only (rule: nothing about anyone else)', async () => {
        const { email, accessToken } = await user('getuser');
        const answer = await cognito().send(new GetUserCommand({ AccessToken: accessToken }));
        expect(answer.UserAttributes?.find((a) => a.Name === 'email')?.Value).toBe(email);
      });

      skip('emailChange')(
        `rule: the email cannot change behind the Users table — UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute, DeleteUserAttributes${note('emailChange')}`,
        async () => {
          const { email, accessToken } = await user('email');
          await expect(
            cognito().send(
              new UpdateUserAttributesCommand({
                AccessToken: accessToken,
                UserAttributes: [{ Name: 'email', Value: `moved-${email}` }],
              }),
            ),
          ).rejects.toMatchObject({
            name: expect.stringMatching(/UserLambdaValidationException|NotAuthorizedException/),
          });
          await refused(
            cognito().send(
              new VerifyUserAttributeCommand({
                AccessToken: accessToken,
                AttributeName: 'email',
                Code: '123456',
              }),
            ),
            'CodeMismatchException',
          );
          await expect(
            cognito().send(
              new DeleteUserAttributesCommand({ AccessToken: accessToken, UserAttributeNames: ['email'] }),
            ),
          ).rejects.toBeDefined();
          const answer = await cognito().send(new GetUserCommand({ AccessToken: accessToken }));
          expect(answer.UserAttributes?.find((a) => a.Name === 'email')?.Value).toBe(email);
          expect((await me(accessToken)).body).toMatchObject({ email });
        },
      );

      skip('writeAttributes')(
        `rule: role, tenant and legacy id are written by admins only (UpdateUserAttributes custom:role)${note('writeAttributes')}`,
        async () => {
          const { accessToken } = await user('role');
          await refused(
            cognito().send(
              new UpdateUserAttributesCommand({
                AccessToken: accessToken,
                UserAttributes: [{ Name: 'custom:role', Value: 'admin' }],
              }),
            ),
          );
          expect((await me(accessToken)).body).toMatchObject({ role: 'user' });
        },
      );

      skip('passwordPolicy')(
        `ChangePassword keeps the pool policy (rule: one password policy for every path)${note('passwordPolicy')}`,
        async () => {
          const { accessToken } = await user('change');
          await refused(
            cognito().send(
              new ChangePasswordCommand({
                AccessToken: accessToken,
                PreviousPassword: PASSWORD,
                ProposedPassword: 'weak',
              }),
            ),
            'InvalidPasswordException',
          );
          await cognito().send(
            new ChangePasswordCommand({
              AccessToken: accessToken,
              PreviousPassword: PASSWORD,
              ProposedPassword: `${PASSWORD}-2`,
            }),
          );
          expect((await me(accessToken)).status).toBe(200);
        },
      );

      it('AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference only add a factor to the caller (rule: MFA is the user’s own)', async () => {
        const { accessToken } = await user('totp');
        await enableTotpStraight(accessToken);
        expect((await me(accessToken)).status).toBe(200);
      });

      skip('globalSignOut')(
        `rule: a GlobalSignOut sent straight to Cognito is honoured by our routes${note('globalSignOut')}`,
        async () => {
          const { accessToken } = await user('signout');
          await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
          expect((await me(accessToken)).status).toBe(401);
        },
      );

      skip('revokeToken')(
        `rule: RevokeToken (with the client secret) ends the tokens of that sign-in on our routes${note('revokeToken')}`,
        async () => {
          const { accessToken, refreshToken } = await user('revoke');
          const Token = refreshToken.slice(refreshToken.indexOf('~') + 1);
          await cognito().send(
            new RevokeTokenCommand({
              ClientId: backend.clientId(),
              Token,
              ClientSecret: backend.clientSecret(),
            }),
          );
          expect((await me(accessToken)).status).toBe(401);
        },
      );

      skip('selfDelete')(
        `rule: a user who deletes themselves with DeleteUser can no longer act${note('selfDelete')}`,
        async () => {
          const { accessToken } = await user('selfdelete');
          await cognito().send(new DeleteUserCommand({ AccessToken: accessToken }));
          expect((await me(accessToken)).status).toBe(401);
        },
      );

      skip('webAuthn')(
        `rule: no single factor for an account with MFA — a passkey registered straight with the user's token, then TOTP enabled straight in Cognito: the passkey alone no longer signs in through the API${note('webAuthn')}`,
        async () => {
          const { email, accessToken } = await user('passkey');
          const page = 'http://localhost:3000';
          const authenticator = SoftwareAuthenticator.create();
          const { CredentialCreationOptions } = await cognito().send(
            new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }),
          );
          const credential = authenticator.register(CredentialCreationOptions as never, page);
          await cognito().send(
            new CompleteWebAuthnRegistrationCommand({
              AccessToken: accessToken,
              Credential: credential as never,
            }),
          );
          const listed = await cognito().send(
            new ListWebAuthnCredentialsCommand({ AccessToken: accessToken }),
          );
          expect(listed.Credentials?.map((c) => c.CredentialId)).toEqual([credential.id]);
          const withPasskey = async () => {
            const offered = await api('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });
            const options = offered.body.challenge.credentialRequestOptions;
            return api('POST', '/auth/challenge', {
              email,
              session: offered.body.challenge.session,
              name: 'WEB_AUTHN',
              credential: authenticator.authenticate(options, page),
            });
          };
          expect((await withPasskey()).status).toBe(200);

          await enableTotpStraight(accessToken);
          expect(await withPasskey()).toMatchObject({
            status: 401,
            body: { error: { code: 'NOT_AUTHORIZED' } },
          });
        },
      );

      skip('devices')(
        `device APIs: nothing is remembered (rule: no device can skip MFA; device tracking is off)${note('devices')}`,
        async () => {
          const { accessToken } = await user('devices');
          await expect(
            cognito().send(new ListDevicesCommand({ AccessToken: accessToken })),
          ).resolves.toMatchObject({ Devices: [] });
          await refused(
            cognito().send(new GetDeviceCommand({ AccessToken: accessToken, DeviceKey: 'us-east-1_x' })),
            'ResourceNotFoundException',
          );
        },
      );
    });
  });
}
