import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoPool,
  sharedTriggerCognitoClient,
} from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import { CognitoUserAuth } from '../../lambdas/core/adapters/aws/cognito/cognito-user-auth';
import { TRIGGER_CALL_TIMEOUTS } from '../../lambdas/core/timeouts';

/**
 * The Cognito calls that run Lambda triggers (UserMigration, CUSTOM_AUTH's
 * rounds, USER_AUTH's emailed code, ForgotPassword) go through a client that
 * waits for a cold trigger chain and never retries (a retry would mail a second
 * code, run a second bcrypt); every other call keeps the short timeout.
 */
const fakeClient = (name: string, names: string[]) =>
  ({
    send: jest.fn(async (command: { constructor: { name: string } }) => {
      names.push(`${name}:${command.constructor.name}`);
      return { ChallengeName: 'CUSTOM_CHALLENGE', Session: 's'.repeat(40), ChallengeParameters: {} };
    }),
  }) as unknown as CognitoIdentityProviderClient;

describe('Cognito calls that run triggers', () => {
  it('use the trigger client: one attempt, a timeout sized to a cold trigger chain', async () => {
    const client = sharedTriggerCognitoClient();
    expect(await client.config.maxAttempts()).toBe(1);
    expect(TRIGGER_CALL_TIMEOUTS.requestTimeoutMs).toBeGreaterThanOrEqual(5_000);
    expect(TRIGGER_CALL_TIMEOUTS.requestTimeoutMs).toBeLessThan(10_000); // within the function's 10 s
  });

  it('route the calls that run triggers to it, and no other', async () => {
    const calls: string[] = [];
    const pool = new CognitoPool(
      'eu-west-1_x',
      'client',
      fakeClient('main', calls),
      undefined,
      fakeClient('triggers', calls),
    );
    const signIn = new CognitoSignIn(pool);
    const userAuth = new CognitoUserAuth(pool);
    const selfService = new CognitoSelfService(pool);

    await signIn.passwordLogin('a@example.com', 'Str0ng!Passw0rd').catch(() => undefined);
    await signIn.startCustomAuth('a@example.com').catch(() => undefined);
    await signIn.answerCustomChallenge({ email: 'a@example.com', session: 's'.repeat(40), answer: '123456' });
    await userAuth.start({ email: 'a@example.com', preferred: 'EMAIL_OTP' }).catch(() => undefined);
    await selfService.forgotPassword('a@example.com');
    await selfService.getUser('token').catch(() => undefined);
    await signIn.refresh('r'.repeat(40)).catch(() => undefined);

    expect(calls).toEqual([
      'triggers:InitiateAuthCommand',
      'triggers:InitiateAuthCommand',
      'triggers:RespondToAuthChallengeCommand',
      'triggers:InitiateAuthCommand',
      'triggers:ForgotPasswordCommand',
      'main:GetUserCommand',
      'main:InitiateAuthCommand',
    ]);
  });
});
