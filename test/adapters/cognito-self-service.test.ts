import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import {
  CodeExpiredError,
  CodeMismatchError,
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
  TooManyRequestsError,
  UnauthenticatedError,
  UserExistsError,
} from '../../lambdas/core/domain/errors';

const cognito = mockClient(CognitoIdentityProviderClient);
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  'client123',
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
);
const selfService = new CognitoSelfService(pool);
const signIn = new CognitoSignIn(pool);
const rotating = new CognitoSignIn(pool, { refreshRotation: true });
const result = { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600, TokenType: 'Bearer' };

function sdkError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

beforeEach(() => cognito.reset());

describe('CognitoSelfService', () => {
  it('signs out globally with the access token (cognito-local has no GlobalSignOut)', async () => {
    await selfService.globalSignOut('token-1');
    expect(cognito.commandCalls(GlobalSignOutCommand).map((c) => c.args[0].input)).toEqual([
      { AccessToken: 'token-1' },
    ]);
  });

  it('maps a refused access token to UnauthenticatedError', async () => {
    cognito
      .on(GlobalSignOutCommand)
      .rejects(sdkError('NotAuthorizedException', 'Access Token has been revoked'));
    await expect(selfService.globalSignOut('token-1')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('associates, verifies and prefers TOTP with the access token', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'SECRET' });
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });

    await expect(selfService.associateSoftwareToken('t')).resolves.toEqual({ secretCode: 'SECRET' });
    await selfService.verifySoftwareToken('t', '123456');
    await selfService.setTotpPreference('t', true);

    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]?.args[0].input).toEqual({
      AccessToken: 't',
      UserCode: '123456',
    });
    expect(cognito.commandCalls(SetUserMFAPreferenceCommand)[0]?.args[0].input).toEqual({
      AccessToken: 't',
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it('maps a wrong enrollment code to CodeMismatchError', async () => {
    cognito.on(VerifySoftwareTokenCommand).rejects(sdkError('EnableSoftwareTokenMFAException'));
    await expect(selfService.verifySoftwareToken('t', '000000')).rejects.toBeInstanceOf(CodeMismatchError);
  });
});

describe('CognitoSelfService password reset', () => {
  it('sends ForgotPassword and ConfirmForgotPassword for the normalized email', async () => {
    await selfService.forgotPassword(' Jane@Example.com');
    await selfService.confirmForgotPassword({
      email: 'Jane@Example.com',
      code: '123456',
      newPassword: 'N3w!pass',
    });

    expect(cognito.commandCalls(ForgotPasswordCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Username: 'jane@example.com',
    });
    expect(cognito.commandCalls(ConfirmForgotPasswordCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Username: 'jane@example.com',
      ConfirmationCode: '123456',
      Password: 'N3w!pass',
    });
  });

  it.each([
    ['UserNotFoundException', CodeMismatchError],
    ['CodeMismatchException', CodeMismatchError],
    ['ExpiredCodeException', CodeExpiredError],
    ['LimitExceededException', TooManyRequestsError],
  ])('maps %s on ConfirmForgotPassword to %p (an unknown email is a wrong code)', async (name, type) => {
    cognito.on(ConfirmForgotPasswordCommand).rejects(sdkError(name));
    await expect(
      selfService.confirmForgotPassword({ email: 'a@b.co', code: '1', newPassword: 'x' }),
    ).rejects.toBeInstanceOf(type);
  });
});

describe('CognitoSelfService sign-up', () => {
  it('signs up with the email as username and attribute and the ticket in ClientMetadata, and returns the sub', async () => {
    cognito.on(SignUpCommand).resolves({ UserSub: 'sub-1', UserConfirmed: false });

    await expect(
      selfService.signUp({ email: 'Sam@Example.com', password: 'P', name: 'Sam', ticket: 'T' }),
    ).resolves.toEqual({
      userSub: 'sub-1',
    });
    expect(cognito.commandCalls(SignUpCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Username: 'sam@example.com',
      Password: 'P',
      UserAttributes: [
        { Name: 'email', Value: 'sam@example.com' },
        { Name: 'name', Value: 'Sam' },
      ],
      ClientMetadata: { signUpTicket: 'T' },
    });
  });

  it('maps UsernameExistsException to UserExistsError and a policy complaint to InvalidPasswordError', async () => {
    cognito.on(SignUpCommand).rejects(sdkError('UsernameExistsException'));
    await expect(selfService.signUp({ email: 'a@b.co', password: 'P', ticket: 'T' })).rejects.toBeInstanceOf(
      UserExistsError,
    );
    cognito.reset();
    cognito
      .on(SignUpCommand)
      .rejects(sdkError('InvalidPasswordException', 'Password did not conform with policy'));
    await expect(selfService.signUp({ email: 'a@b.co', password: 'P', ticket: 'T' })).rejects.toBeInstanceOf(
      InvalidPasswordError,
    );
  });

  it('confirms and resends (cognito-local has no ResendConfirmationCode); an already confirmed user is a wrong code', async () => {
    await selfService.confirmSignUp('Sam@Example.com', '123456');
    await selfService.resendConfirmationCode('Sam@Example.com');
    expect(cognito.commandCalls(ConfirmSignUpCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Username: 'sam@example.com',
      ConfirmationCode: '123456',
    });
    expect(cognito.commandCalls(ResendConfirmationCodeCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      Username: 'sam@example.com',
    });
    cognito
      .on(ConfirmSignUpCommand)
      .rejects(sdkError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'));
    await expect(selfService.confirmSignUp('a@b.co', '1')).rejects.toBeInstanceOf(CodeMismatchError);
  });
});

describe('CognitoSignIn challenges and refresh', () => {
  it('answers SOFTWARE_TOKEN_MFA with the code', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: result });

    await signIn.respondToChallenge({
      email: 'Jane@Example.com',
      session: 's',
      name: 'SOFTWARE_TOKEN_MFA',
      code: '123456',
    });

    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 's',
      ChallengeResponses: { USERNAME: 'jane@example.com', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
  });

  it('answers MFA_SETUP: AssociateSoftwareToken and VerifySoftwareToken on the session, then RespondToAuthChallenge (cognito-local has no MFA_SETUP)', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'SECRET', Session: 's2' });
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: 's3' });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: result });

    await expect(signIn.startMfaSetup('s1')).resolves.toEqual({ secretCode: 'SECRET', session: 's2' });
    const outcome = await signIn.respondToChallenge({
      email: 'Jane@Example.com',
      session: 's2',
      name: 'MFA_SETUP',
      code: '123456',
    });

    expect(outcome).toHaveProperty('tokens.accessToken', 'a');
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]?.args[0].input).toEqual({ Session: 's1' });
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]?.args[0].input).toEqual({
      Session: 's2',
      UserCode: '123456',
    });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      ChallengeName: 'MFA_SETUP',
      Session: 's3',
      ChallengeResponses: { USERNAME: 'jane@example.com' },
    });
  });

  it('runs CUSTOM_AUTH: InitiateAuth with the username, the answer as ANSWER, the public parameters kept (cognito-local has no CUSTOM_AUTH)', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: 's1',
      ChallengeParameters: { attemptsRemaining: '3', USERNAME: 'sub-1' },
    });
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce({
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: 's2',
        ChallengeParameters: { attemptsRemaining: '2' },
      })
      .resolvesOnce({ AuthenticationResult: result });

    const started = await signIn.startCustomAuth('Pat@Example.com');
    expect(started).toEqual({
      challenge: {
        name: 'CUSTOM_CHALLENGE',
        session: 's1',
        parameters: { attemptsRemaining: '3', USERNAME: 'sub-1' },
      },
    });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: 'pat@example.com' },
    });
    const wrong = await signIn.answerCustomChallenge({
      email: 'pat@example.com',
      session: 's1',
      answer: '000000',
    });
    expect(wrong).toMatchObject({ challenge: { session: 's2', parameters: { attemptsRemaining: '2' } } });
    await expect(
      signIn.answerCustomChallenge({ email: 'pat@example.com', session: 's2', answer: '123456' }),
    ).resolves.toHaveProperty('tokens');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[1]?.args[0].input).toEqual({
      ClientId: 'client123',
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: 's2',
      ChallengeResponses: { USERNAME: 'pat@example.com', ANSWER: '123456' },
    });
  });

  it('maps the end of a CUSTOM_AUTH attempt and an expired session to 401 errors', async () => {
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(sdkError('NotAuthorizedException', 'Incorrect username or password.'));
    await expect(
      signIn.answerCustomChallenge({ email: 'a@b.co', session: 's', answer: '1' }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    cognito.reset();
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(sdkError('NotAuthorizedException', 'Invalid session for the user.'));
    await expect(
      signIn.answerCustomChallenge({ email: 'a@b.co', session: 's', answer: '1' }),
    ).rejects.toBeInstanceOf(InvalidSessionError);
  });

  it('maps a wrong MFA_SETUP code to CodeMismatchError, without answering the challenge', async () => {
    cognito.on(VerifySoftwareTokenCommand).rejects(sdkError('EnableSoftwareTokenMFAException'));
    await expect(
      signIn.respondToChallenge({ email: 'a@b.co', session: 's', name: 'MFA_SETUP', code: '000000' }),
    ).rejects.toBeInstanceOf(CodeMismatchError);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('maps a wrong code to CodeMismatchError and an expired session to InvalidSessionError', async () => {
    cognito.on(RespondToAuthChallengeCommand).rejects(sdkError('CodeMismatchException'));
    await expect(
      signIn.respondToChallenge({ email: 'a@b.co', session: 's', name: 'SMS_MFA', code: '1' }),
    ).rejects.toBeInstanceOf(CodeMismatchError);
    cognito.reset();
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(sdkError('NotAuthorizedException', 'Invalid session for the user, session is expired.'));
    await expect(
      signIn.respondToChallenge({ email: 'a@b.co', session: 's', name: 'SMS_MFA', code: '1' }),
    ).rejects.toBeInstanceOf(InvalidSessionError);
  });

  it('refreshes with REFRESH_TOKEN_AUTH, and a revoked refresh token is NotAuthorizedError', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: result });
    await expect(signIn.refresh('r')).resolves.toMatchObject({ accessToken: 'a', idToken: 'i' });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'r' },
    });
    cognito.reset();
    cognito
      .on(InitiateAuthCommand)
      .rejects(sdkError('NotAuthorizedException', 'Refresh Token has been revoked'));
    await expect(signIn.refresh('r')).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it('with rotation, calls GetTokensFromRefreshToken and returns the new refresh token', async () => {
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolves({ AuthenticationResult: { ...result, RefreshToken: 'r2' } });

    await expect(rotating.refresh('r1')).resolves.toMatchObject({ refreshToken: 'r2' });
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      RefreshToken: 'r1',
    });
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(0);
  });
});
