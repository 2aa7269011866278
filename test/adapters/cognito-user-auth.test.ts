import {
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  ConfirmSignUpCommand,
  DeleteWebAuthnCredentialCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoPasskeys } from '../../lambdas/core/adapters/aws/cognito/cognito-passkeys';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import {
  CodeMismatchError,
  FeatureNotConfiguredError,
  NotAuthorizedError,
  NotFoundError,
  PasskeyRejectedError,
  RequestValidationError,
} from '../../lambdas/core/domain/errors';

/**
 * The USER_AUTH and WebAuthn calls of the Cognito adapters, against the SDK
 * mock: neither emulator has them (docs/fidelity.md, gaps `userAuth` and
 * `webAuthn`), so this is what the real adapter sends and how it reads answers.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  'client123',
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
  async () => 'client-secret',
);
const signIn = new CognitoSignIn(pool);
const passkeys = new CognitoPasskeys(pool);
const sdkError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

beforeEach(() => cognito.reset());

describe('CognitoSignIn USER_AUTH', () => {
  it('starts USER_AUTH with the preferred factor and a SECRET_HASH, and reads SELECT_CHALLENGE', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'sess',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
    });

    const outcome = await signIn.startUserAuth({ email: 'Jane@Example.com', preferred: 'EMAIL_OTP' });

    const input = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      AuthFlow: 'USER_AUTH',
      ClientId: 'client123',
      AuthParameters: {
        USERNAME: 'jane@example.com',
        PREFERRED_CHALLENGE: 'EMAIL_OTP',
        SECRET_HASH: expect.any(String),
      },
    });
    // PASSWORD_SRP is not enabled for the client, so never offered to the API's callers.
    expect(outcome).toEqual({
      challenge: {
        name: 'SELECT_CHALLENGE',
        session: 'sess',
        availableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
      },
    });
  });

  it('presents a preferred PASSWORD as the PASSWORD step of the SELECT_CHALLENGE session, answered with ANSWER=PASSWORD', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SELECT_CHALLENGE', Session: 'sess' });
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600 },
    });

    const started = await signIn.startUserAuth({ email: 'jane@example.com', preferred: 'PASSWORD' });
    await signIn.respondToChallenge({
      email: 'jane@example.com',
      session: 'sess',
      name: 'PASSWORD',
      password: 'Str0ng!Passw0rd',
    });

    expect(started).toEqual({ challenge: { name: 'PASSWORD', session: 'sess' } });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters).not.toHaveProperty(
      'PREFERRED_CHALLENGE',
    );
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'sess',
      ChallengeResponses: { USERNAME: 'jane@example.com', ANSWER: 'PASSWORD', PASSWORD: 'Str0ng!Passw0rd' },
    });
  });

  it('answers EMAIL_OTP with EMAIL_OTP_CODE and WEB_AUTHN with the credential as JSON, and reads the request options', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolvesOnce({
      ChallengeName: 'WEB_AUTHN',
      Session: 'next',
      ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: '{"challenge":"abc","rpId":"example.com"}' },
    });

    const webauthn = await signIn.respondToChallenge({
      email: 'jane@example.com',
      session: 'sess',
      name: 'SELECT_CHALLENGE',
      answer: 'WEB_AUTHN',
    });
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600 },
    });
    await signIn.respondToChallenge({
      email: 'jane@example.com',
      session: 's',
      name: 'EMAIL_OTP',
      code: '12345678',
    });
    const credential = { id: 'cred', type: 'public-key', response: {} };
    await signIn.respondToChallenge({
      email: 'jane@example.com',
      session: 's',
      name: 'WEB_AUTHN',
      credential,
    });

    expect(webauthn).toEqual({
      challenge: {
        name: 'WEB_AUTHN',
        session: 'next',
        credentialRequestOptions: { challenge: 'abc', rpId: 'example.com' },
      },
    });
    const calls = cognito.commandCalls(RespondToAuthChallengeCommand).map((c) => c.args[0].input);
    expect(calls[1]).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeResponses: { EMAIL_OTP_CODE: '12345678' },
    });
    expect(calls[2]).toMatchObject({
      ChallengeName: 'WEB_AUTHN',
      ChallengeResponses: { CREDENTIAL: JSON.stringify(credential), SECRET_HASH: expect.any(String) },
    });
  });

  it('asks for the field a step needs before calling Cognito, and a refused passkey at sign-in is NotAuthorized', async () => {
    cognito.on(RespondToAuthChallengeCommand).rejects(sdkError('WebAuthnOriginNotAllowedException'));

    await expect(
      signIn.respondToChallenge({ email: 'jane@example.com', session: 's', name: 'EMAIL_OTP' }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    await expect(
      signIn.respondToChallenge({
        email: 'jane@example.com',
        session: 's',
        name: 'WEB_AUTHN',
        credential: { id: 'x' },
      }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(1);
  });

  it('revokes a refresh token with RevokeToken and the client secret', async () => {
    cognito.on(RevokeTokenCommand).resolves({});

    await signIn.revoke('7d9f-uuid~cognito-refresh');

    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Token: 'cognito-refresh',
      ClientSecret: 'client-secret',
    });
  });
});

describe('sign-in straight after sign-up (SignUp session -> ConfirmSignUp -> USER_AUTH)', () => {
  it("passes SignUp's session to ConfirmSignUp, and the session it answers to InitiateAuth USER_AUTH", async () => {
    const selfService = new CognitoSelfService(pool);
    cognito
      .on(SignUpCommand)
      .resolves({ UserSub: 'sub-1', UserConfirmed: false, Session: 'sign-up-session' });
    cognito.on(ConfirmSignUpCommand).resolves({ Session: 'confirmed-session' });
    cognito.on(InitiateAuthCommand).resolves({
      AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600 },
    });

    const signedUp = await selfService.signUp({
      email: 'new@example.com',
      password: 'Str0ng!Passw0rd',
      ticket: 't',
    });
    const confirmed = await selfService.confirmSignUp('new@example.com', '123456', signedUp.session);
    const outcome = await signIn.startUserAuth({
      email: 'new@example.com',
      session: confirmed.session as string,
    });

    expect(signedUp).toEqual({ userSub: 'sub-1', session: 'sign-up-session' });
    expect(cognito.commandCalls(ConfirmSignUpCommand)[0]?.args[0].input.Session).toBe('sign-up-session');
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toMatchObject({
      AuthFlow: 'USER_AUTH',
      Session: 'confirmed-session',
      AuthParameters: { USERNAME: 'new@example.com', SECRET_HASH: expect.any(String) },
    });
    expect('tokens' in outcome).toBe(true);
  });
});

describe('ConfirmSignUp with a session Cognito no longer takes', () => {
  const selfService = new CognitoSelfService(pool);

  it('confirms again without the session (the user is confirmed; no sign-in session)', async () => {
    cognito
      .on(ConfirmSignUpCommand)
      .rejectsOnce(
        Object.assign(new Error('Invalid session for the user, session is expired.'), {
          name: 'NotAuthorizedException',
          $metadata: {},
        }),
      )
      .resolves({});

    const confirmed = await selfService.confirmSignUp('new@example.com', '123456', 'old-session');

    expect(confirmed).toEqual({});
    const calls = cognito.commandCalls(ConfirmSignUpCommand).map((c) => c.args[0].input.Session);
    expect(calls).toEqual(['old-session', undefined]);
  });

  it('reads any other refusal as a wrong code, once (an already confirmed user, a wrong code)', async () => {
    cognito.on(ConfirmSignUpCommand).rejects(
      Object.assign(new Error('User cannot be confirmed. Current status is CONFIRMED'), {
        name: 'NotAuthorizedException',
        $metadata: {},
      }),
    );

    await expect(selfService.confirmSignUp('new@example.com', '123456', 'session')).rejects.toBeInstanceOf(
      CodeMismatchError,
    );
    expect(cognito.commandCalls(ConfirmSignUpCommand)).toHaveLength(1);
  });
});

describe('CognitoPasskeys', () => {
  it('starts and completes a registration with the access token, passing the options and credential through', async () => {
    cognito.on(StartWebAuthnRegistrationCommand).resolves({ CredentialCreationOptions: { challenge: 'c' } });
    cognito.on(CompleteWebAuthnRegistrationCommand).resolves({});

    const options = await passkeys.startRegistration('token');
    await passkeys.completeRegistration('token', { id: 'cred' });

    expect(options).toEqual({ challenge: 'c' });
    expect(cognito.commandCalls(CompleteWebAuthnRegistrationCommand)[0]?.args[0].input).toEqual({
      AccessToken: 'token',
      Credential: { id: 'cred' },
    });
  });

  it('lists every page of passkeys', async () => {
    cognito
      .on(ListWebAuthnCredentialsCommand)
      .resolvesOnce({
        Credentials: [
          {
            CredentialId: 'a',
            FriendlyCredentialName: 'Laptop',
            RelyingPartyId: 'example.com',
            AuthenticatorAttachment: 'platform',
            AuthenticatorTransports: ['internal'],
            CreatedAt: new Date('2026-12-01T00:00:00Z'),
          },
        ],
        NextToken: 'more',
      })
      .resolvesOnce({
        Credentials: [
          {
            CredentialId: 'b',
            FriendlyCredentialName: 'Key',
            RelyingPartyId: 'example.com',
            AuthenticatorTransports: ['usb'],
            CreatedAt: new Date('2026-12-02T00:00:00Z'),
          },
        ],
      });

    const listed = await passkeys.list('token');

    expect(listed).toEqual([
      {
        credentialId: 'a',
        name: 'Laptop',
        relyingPartyId: 'example.com',
        attachment: 'platform',
        transports: ['internal'],
        createdAt: '2026-12-01T00:00:00.000Z',
      },
      {
        credentialId: 'b',
        name: 'Key',
        relyingPartyId: 'example.com',
        transports: ['usb'],
        createdAt: '2026-12-02T00:00:00.000Z',
      },
    ]);
    expect(cognito.commandCalls(ListWebAuthnCredentialsCommand)[1]?.args[0].input.NextToken).toBe('more');
  });

  it.each([
    ['WebAuthnChallengeNotFoundException', PasskeyRejectedError],
    ['WebAuthnRelyingPartyMismatchException', PasskeyRejectedError],
    ['WebAuthnNotEnabledException', FeatureNotConfiguredError],
    ['WebAuthnConfigurationMissingException', FeatureNotConfiguredError],
  ])('maps %s of a registration to %p', async (name, type) => {
    cognito.on(CompleteWebAuthnRegistrationCommand).rejects(sdkError(name));

    await expect(passkeys.completeRegistration('token', { id: 'x' })).rejects.toBeInstanceOf(type);
  });

  it('maps the deletion of an id the caller does not have to NotFound', async () => {
    cognito.on(DeleteWebAuthnCredentialCommand).rejects(sdkError('ResourceNotFoundException'));

    await expect(passkeys.remove('token', 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
