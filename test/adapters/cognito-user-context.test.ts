import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import { withCallerContext } from '../../lambdas/core/caller-context';

/**
 * Threat protection sees the user: the unauthenticated Cognito calls carry the
 * caller's IP address and a front end's encoded device data as UserContextData
 * (the app client propagates it), the token calls do not (they take none).
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const client = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
const pool = new CognitoPool('eu-west-1_Abc123', 'client123', client, async () => 'secret', client);
const signIn = new CognitoSignIn(pool);
const selfService = new CognitoSelfService(pool);
const CALLER = { ipAddress: '203.0.113.7', encodedData: 'ZW5jb2RlZA' };

beforeEach(() => {
  cognito.reset();
  cognito
    .on(InitiateAuthCommand)
    .resolves({ AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600 } });
  cognito
    .on(RespondToAuthChallengeCommand)
    .resolves({ AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600 } });
  cognito.on(SignUpCommand).resolves({ UserSub: 'sub' });
  cognito.on(ConfirmForgotPasswordCommand).resolves({});
  cognito.on(GetUserCommand).resolves({ Username: 'u', UserAttributes: [] });
});

describe("Cognito's UserContextData", () => {
  it('goes with sign-in, challenges, sign-up and resets made while serving a request', async () => {
    await withCallerContext(CALLER, async () => {
      await signIn.passwordLogin('jane@example.com', 'Str0ng!Passw0rd');
      await signIn.startCustomAuth('jane@example.com');
      await signIn.respondToChallenge({
        email: 'jane@example.com',
        session: 's'.repeat(40),
        name: 'SOFTWARE_TOKEN_MFA',
        code: '123456',
      });
      await selfService.signUp({ email: 'jane@example.com', password: 'Str0ng!Passw0rd', ticket: 't' });
      await selfService.confirmForgotPassword({
        email: 'jane@example.com',
        code: '123456',
        newPassword: 'N3w!Passw0rd',
      });
      await selfService.getUser('token');
    });
    const expected = { IpAddress: CALLER.ipAddress, EncodedData: CALLER.encodedData };
    const inputs = [
      ...cognito.commandCalls(InitiateAuthCommand),
      ...cognito.commandCalls(RespondToAuthChallengeCommand),
      ...cognito.commandCalls(SignUpCommand),
      ...cognito.commandCalls(ConfirmForgotPasswordCommand),
    ].map((call) => call.args[0].input as { UserContextData?: unknown });
    expect(inputs).toHaveLength(5);
    for (const input of inputs) expect(input.UserContextData).toEqual(expected);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(2);
    expect(cognito.commandCalls(GetUserCommand)[0]?.args[0].input).not.toHaveProperty('UserContextData');
  });

  it('is absent outside a request (an operator script), and carries only what the request had', async () => {
    await signIn.passwordLogin('jane@example.com', 'Str0ng!Passw0rd');
    await withCallerContext({ ipAddress: '198.51.100.9' }, () => signIn.startCustomAuth('jane@example.com'));
    const [outside, ipOnly] = cognito.commandCalls(InitiateAuthCommand).map((c) => c.args[0].input);
    expect(outside).not.toHaveProperty('UserContextData');
    expect(ipOnly).toMatchObject({ UserContextData: { IpAddress: '198.51.100.9' } });
    expect(ipOnly?.UserContextData).not.toHaveProperty('EncodedData');
  });
});
