import { createHmac } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';

/**
 * The app client is confidential (docs/security.md): every unauthenticated
 * Cognito call the adapters make carries the SECRET_HASH of its username,
 * Base64(HMAC-SHA256(client secret, username + client id)), and the refresh
 * calls carry what Cognito needs for them. Checked against the formula.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const SECRET = 'client-secret-of-test';
const CLIENT = 'client123';
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  CLIENT,
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
  async () => SECRET,
);
const hash = (username: string) =>
  createHmac('sha256', SECRET)
    .update(username + CLIENT)
    .digest('base64');
const EMAIL = 'pat@example.com';
const USERNAME = '4f1c2d3e-0000-4000-8000-000000000001';
const accessToken = `h.${Buffer.from(JSON.stringify({ username: USERNAME })).toString('base64url')}.s`;
const result = { AccessToken: accessToken, IdToken: 'i', RefreshToken: 'cognito-refresh', ExpiresIn: 3600 };

beforeEach(() => cognito.reset());

describe('SECRET_HASH on every unauthenticated call', () => {
  it('InitiateAuth USER_PASSWORD_AUTH and CUSTOM_AUTH, RespondToAuthChallenge', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: result });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: result });
    const signIn = new CognitoSignIn(pool);
    await signIn.passwordLogin('Pat@Example.com', 'pw');
    await signIn.startCustomAuth(EMAIL).catch(() => undefined);
    await signIn.respondToNewPasswordChallenge({ email: EMAIL, session: 's', newPassword: 'N3w!pw' });
    await signIn.respondToChallenge({
      email: EMAIL,
      session: 's',
      name: 'SOFTWARE_TOKEN_MFA',
      code: '123456',
    });
    await signIn
      .answerCustomChallenge({ email: EMAIL, session: 's', answer: '123456' })
      .catch(() => undefined);
    for (const call of cognito.commandCalls(InitiateAuthCommand)) {
      expect(call.args[0].input.AuthParameters?.SECRET_HASH).toBe(hash(EMAIL));
    }
    for (const call of cognito.commandCalls(RespondToAuthChallengeCommand)) {
      expect(call.args[0].input.ChallengeResponses?.SECRET_HASH).toBe(hash(EMAIL));
    }
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(3);
  });

  it('SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword', async () => {
    cognito.on(SignUpCommand).resolves({ UserSub: 'sub' });
    const service = new CognitoSelfService(pool);
    await service.signUp({ email: EMAIL, password: 'pw', ticket: 't' });
    await service.confirmSignUp(EMAIL, '123456');
    await service.resendConfirmationCode(EMAIL);
    await service.forgotPassword(EMAIL);
    await service.confirmForgotPassword({ email: EMAIL, code: '123456', newPassword: 'N3w!pw' });
    for (const command of [
      SignUpCommand,
      ConfirmSignUpCommand,
      ResendConfirmationCodeCommand,
      ForgotPasswordCommand,
      ConfirmForgotPasswordCommand,
    ]) {
      const [call] = cognito.commandCalls(command as typeof SignUpCommand);
      expect({
        command: command.name,
        hash: (call?.args[0].input as { SecretHash?: string } | undefined)?.SecretHash,
      }).toEqual({
        command: command.name,
        hash: hash(EMAIL),
      });
    }
  });

  it('refresh: the API hands out <username>~<Cognito refresh token>, and REFRESH_TOKEN_AUTH hashes that username', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: result });
    const signIn = new CognitoSignIn(pool);
    const outcome = await signIn.passwordLogin(EMAIL, 'pw');
    const refreshToken = 'tokens' in outcome ? outcome.tokens.refreshToken : undefined;
    expect(refreshToken).toBe(`${USERNAME}~cognito-refresh`);

    cognito.reset();
    cognito
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { ...result, RefreshToken: undefined } });
    await signIn.refresh(refreshToken as string);
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters).toEqual({
      REFRESH_TOKEN: 'cognito-refresh',
      SECRET_HASH: hash(USERNAME),
    });
  });

  it('refresh with rotation sends the ClientSecret to GetTokensFromRefreshToken', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({ AuthenticationResult: result });
    const tokens = await new CognitoSignIn(pool, { refreshRotation: true }).refresh(`${USERNAME}~old`);
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)[0]?.args[0].input).toEqual({
      ClientId: CLIENT,
      RefreshToken: 'old',
      ClientSecret: SECRET,
    });
    expect(tokens.refreshToken).toBe(`${USERNAME}~cognito-refresh`);
  });

  it('GetUser (the caller gate) needs no secret: the access token authorizes it', async () => {
    cognito.on(GetUserCommand).resolves({
      Username: USERNAME,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    });
    await expect(new CognitoSelfService(pool).getUser(accessToken)).resolves.toEqual({
      username: USERNAME,
      email: EMAIL,
      totpEnabled: true,
    });
    expect(cognito.commandCalls(GetUserCommand)[0]?.args[0].input).toEqual({ AccessToken: accessToken });
  });
});
