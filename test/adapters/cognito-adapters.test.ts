import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool, sharedCognitoClient } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import {
  CodeExpiredError,
  CodeMismatchError,
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  TemporaryPasswordExpiredError,
  TooManyRequestsError,
  UserExistsError,
  UserNotConfirmedError,
  UserNotFoundError,
  UserStateError,
} from '../../lambdas/core/domain/errors';
import { passwordPolicyViolations } from '../../lambdas/core/domain/pool-policy';

const cognito = mockClient(CognitoIdentityProviderClient);
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  'client123',
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
);
const directory = new CognitoUserDirectory(pool);
const signIn = new CognitoSignIn(pool);

function sdkError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

const cognitoUser = {
  Username: '7d9f-uuid',
  Attributes: [
    { Name: 'sub', Value: '7d9f-uuid' },
    { Name: 'email', Value: 'jane@example.com' },
  ],
  UserStatus: 'FORCE_CHANGE_PASSWORD' as const,
  Enabled: true,
  UserCreateDate: new Date('2026-01-01T00:00:00Z'),
};

beforeEach(() => cognito.reset());

describe('the Cognito adapters (CognitoUserDirectory, CognitoSignIn)', () => {
  it('creates users with AdminCreateUser, email delivery and a temporary password of its own that meets the policy', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: cognitoUser });

    const user = await directory.createUser({
      email: ' Jane@Example.com ',
      attributes: { 'custom:role': 'user' },
    });
    const created = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input
      .TemporaryPassword as string;
    expect(passwordPolicyViolations(created)).toEqual([]);

    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_Abc123',
      Username: 'jane@example.com',
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { invitation: 'applicant' },
      // Cognito generates none where the sign-in policy offers emailed codes (a passwordless factor).
      TemporaryPassword: expect.any(String),
      UserAttributes: [
        { Name: 'custom:role', Value: 'user' },
        { Name: 'email', Value: 'jane@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(user).toEqual({
      username: '7d9f-uuid',
      sub: '7d9f-uuid',
      email: 'jane@example.com',
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      attributes: { sub: '7d9f-uuid', email: 'jane@example.com' },
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it('passes a given temporary password through', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: cognitoUser });

    await directory.createUser({ email: 'jane@example.com', temporaryPassword: 'Temp-Passw0rd!' });

    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.TemporaryPassword).toBe(
      'Temp-Passw0rd!',
    );
  });

  it('maps UsernameExistsException to UserExistsError', async () => {
    cognito.on(AdminCreateUserCommand).rejects(sdkError('UsernameExistsException'));

    await expect(directory.createUser({ email: 'jane@example.com' })).rejects.toBeInstanceOf(UserExistsError);
  });

  it("resends with AdminCreateUser MessageAction 'RESEND' by email", async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: cognitoUser });

    await directory.resendTemporaryPassword('JANE@example.com');

    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_Abc123',
      Username: 'jane@example.com',
      MessageAction: 'RESEND',
      TemporaryPassword: expect.any(String),
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { invitation: 'applicant' },
    });
    const sent = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.TemporaryPassword as string;
    expect(passwordPolicyViolations(sent)).toEqual([]);
  });

  it.each([
    ['UserNotFoundException', UserNotFoundError],
    ['UnsupportedUserStateException', UserStateError],
    ['LimitExceededException', TooManyRequestsError],
  ])('maps %s on resend to %p', async (name, type) => {
    cognito.on(AdminCreateUserCommand).rejects(sdkError(name));

    await expect(directory.resendTemporaryPassword('jane@example.com')).rejects.toBeInstanceOf(type);
  });

  it('signs in with InitiateAuth USER_PASSWORD_AUTH and returns the challenge', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'sess-1' });

    const outcome = await signIn.passwordLogin('Jane@example.com', 'Temp-Passw0rd!');

    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: 'Temp-Passw0rd!' },
    });
    expect(outcome).toEqual({ challenge: { name: 'NEW_PASSWORD_REQUIRED', session: 'sess-1' } });
  });

  it('answers NEW_PASSWORD_REQUIRED with RespondToAuthChallenge and returns the tokens', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: {
        IdToken: 'id',
        AccessToken: 'access',
        RefreshToken: 'refresh',
        ExpiresIn: 3600,
      },
    });

    const outcome = await signIn.respondToNewPasswordChallenge({
      email: 'jane@example.com',
      session: 'sess-1',
      newPassword: 'Str0ng!Passw0rd',
    });

    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client123',
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'sess-1',
      ChallengeResponses: { USERNAME: 'jane@example.com', NEW_PASSWORD: 'Str0ng!Passw0rd' },
    });
    expect(outcome).toEqual({
      tokens: {
        idToken: 'id',
        accessToken: 'access',
        refreshToken: 'refresh',
        expiresIn: 3600,
        tokenType: 'Bearer',
      },
    });
  });

  it.each([
    ['NotAuthorizedException', 'Incorrect username or password.', NotAuthorizedError],
    ['UserNotFoundException', 'User does not exist.', NotAuthorizedError],
    [
      'NotAuthorizedException',
      'Temporary password has expired and must be reset by an administrator.',
      TemporaryPasswordExpiredError,
    ],
    ['NotAuthorizedException', 'Invalid session for the user, session is expired.', InvalidSessionError],
    ['UserNotConfirmedException', 'User is not confirmed.', UserNotConfirmedError],
    ['PasswordResetRequiredException', 'Password reset required for the user', PasswordResetRequiredError],
    // No new password is set on sign-in: any password complaint is wrong credentials (cognito-local sends this).
    ['InvalidPasswordException', 'Invalid password', NotAuthorizedError],
    ['CodeMismatchException', 'Invalid code', CodeMismatchError],
    ['ExpiredCodeException', 'Code expired', CodeExpiredError],
    ['TooManyRequestsException', 'Too many requests', TooManyRequestsError],
  ])('maps %s (%s) on sign-in to %p', async (name, message, type) => {
    cognito.on(InitiateAuthCommand).rejects(sdkError(name, message));

    await expect(signIn.passwordLogin('jane@example.com', 'x')).rejects.toBeInstanceOf(type);
  });

  it.each([
    [
      'InvalidPasswordException',
      'Password does not conform to policy: Password must have symbol characters',
      InvalidPasswordError,
    ],
    ['NotAuthorizedException', 'Invalid session for the user, session is expired.', InvalidSessionError],
    ['UserNotFoundException', 'User does not exist.', NotAuthorizedError],
  ])('maps %s (%s) on the new-password challenge to %p', async (name, message, type) => {
    cognito.on(RespondToAuthChallengeCommand).rejects(sdkError(name, message));

    await expect(
      signIn.respondToNewPasswordChallenge({ email: 'jane@example.com', session: 's', newPassword: 'x' }),
    ).rejects.toBeInstanceOf(type);
  });

  it('maps a UserMigration refusal on sign-in to NotAuthorizedError, like any failed sign-in', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(
        sdkError(
          'UserLambdaValidationException',
          'UserMigration failed with error Incorrect email or password.',
        ),
      );

    await expect(signIn.passwordLogin('lee@example.com', 'x')).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it('lets unknown SDK errors through unchanged (they become a generic 500)', async () => {
    const unknown = sdkError('InternalErrorException', 'boom');
    cognito.on(InitiateAuthCommand).rejects(unknown);

    await expect(signIn.passwordLogin('jane@example.com', 'x')).rejects.toBe(unknown);
  });

  it('returns undefined from getUser for an unknown user, and maps UserAttributes otherwise', async () => {
    cognito
      .on(AdminGetUserCommand, { Username: 'nobody@example.com' })
      .rejects(sdkError('UserNotFoundException'));
    cognito.on(AdminGetUserCommand, { Username: 'jane@example.com' }).resolves({
      Username: '7d9f-uuid',
      UserAttributes: cognitoUser.Attributes,
      UserStatus: 'CONFIRMED',
      Enabled: false,
    });

    await expect(directory.getUser('nobody@example.com')).resolves.toBeUndefined();
    await expect(directory.getUser('jane@example.com')).resolves.toMatchObject({
      sub: '7d9f-uuid',
      status: 'CONFIRMED',
      enabled: false,
    });
  });

  it('disables, enables and removes from a group with the Admin* commands on the pool', async () => {
    await directory.setEnabled('u-1', false);
    await directory.setEnabled('u-1', true);
    await directory.removeUserFromGroup('u-1', 'admin');

    const pool = { UserPoolId: 'eu-west-1_Abc123', Username: 'u-1' };
    expect(cognito.commandCalls(AdminDisableUserCommand).map((c) => c.args[0].input)).toEqual([pool]);
    expect(cognito.commandCalls(AdminEnableUserCommand).map((c) => c.args[0].input)).toEqual([pool]);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input)).toEqual([
      { ...pool, GroupName: 'admin' },
    ]);
  });

  it('maps UserNotFoundException on AdminDisableUser to UserNotFoundError', async () => {
    cognito.on(AdminDisableUserCommand).rejects(sdkError('UserNotFoundException'));

    await expect(directory.setEnabled('nobody', false)).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('answers a call still throttled after the retries with a 1 s Retry-After; the shared client retries adaptively', async () => {
    cognito.on(InitiateAuthCommand).rejects(sdkError('TooManyRequestsException', 'Too many requests'));

    const error = await signIn.passwordLogin('jane@example.com', 'x').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(1);
    const { retryMode } = sharedCognitoClient().config;
    expect(typeof retryMode === 'function' ? await retryMode() : retryMode).toBe('adaptive');
  });
});
