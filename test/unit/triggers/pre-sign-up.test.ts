import type { PreSignUpTriggerEvent } from 'aws-lambda';
import {
  SIGN_UP_TICKET_TTL_SECONDS,
  signUpTicket,
  validSignUpTicket,
} from '../../../lambdas/core/domain/sign-up-ticket';
import { SECRETS } from '../../../lambdas/core/secrets';
import { handler } from '../../../lambdas/triggers/pre-sign-up';
import { lambdaContext } from '../../../local/api-gateway';
import { freshWorld } from '../../support/harness';

const KEY = SECRETS.signUpTicket.mockDefault; // what mock mode reads without SIGN_UP_TICKET_KEY

/** The event of Cognito's developer guide ("Pre sign-up Lambda trigger"). */
function cognitoEvent(
  triggerSource: PreSignUpTriggerEvent['triggerSource'],
  clientMetadata?: Record<string, string>,
): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_EXAMPLE',
    userName: '4f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource,
    request: { userAttributes: { email: 'jane@example.com' }, ...(clientMetadata ? { clientMetadata } : {}) },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  } as PreSignUpTriggerEvent;
}

const run = (event: PreSignUpTriggerEvent) => handler(event, lambdaContext('preSignUp'));

describe('sign-up tickets', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('admits the email it was issued for (case-insensitively) until it expires', () => {
    const ticket = signUpTicket(KEY, 'Jane@Example.com', now);
    expect(validSignUpTicket(KEY, 'jane@example.com', ticket, now)).toBe(true);
    const last = new Date(now.getTime() + SIGN_UP_TICKET_TTL_SECONDS * 1000);
    expect(validSignUpTicket(KEY, 'jane@example.com', ticket, last)).toBe(true);
    expect(validSignUpTicket(KEY, 'jane@example.com', ticket, new Date(last.getTime() + 1000))).toBe(false);
  });

  it('refuses another email, another key, a changed expiry, and anything malformed', () => {
    const ticket = signUpTicket(KEY, 'jane@example.com', now);
    const [expires, mac] = ticket.split('.') as [string, string];
    expect(validSignUpTicket(KEY, 'john@example.com', ticket, now)).toBe(false);
    expect(validSignUpTicket('other-key', 'jane@example.com', ticket, now)).toBe(false);
    expect(validSignUpTicket(KEY, 'jane@example.com', `${Number(expires) + 3600}.${mac}`, now)).toBe(false);
    for (const bad of [
      undefined,
      42,
      '',
      'x',
      `${expires}.${mac.slice(2)}`,
      `${expires}.${mac}00`,
      `-1.${mac}`,
    ])
      expect(validSignUpTicket(KEY, 'jane@example.com', bad, now)).toBe(false);
  });
});

describe('the PreSignUp trigger', () => {
  beforeEach(() => freshWorld()); // mock mode: the clock and the local key

  it('admits a SignUp with a valid ticket for its email, unchanged', async () => {
    const event = cognitoEvent('PreSignUp_SignUp', {
      signUpTicket: signUpTicket(KEY, 'jane@example.com', new Date()),
    });
    await expect(run(event)).resolves.toEqual(cognitoEvent('PreSignUp_SignUp', event.request.clientMetadata));
  });

  it('refuses a SignUp without a ticket, or with one for another email, with a safe message only', async () => {
    await expect(run(cognitoEvent('PreSignUp_SignUp'))).rejects.toThrow(
      /^Sign-up is only possible through the API\.$/,
    );
    const foreign = signUpTicket(KEY, 'mallory@example.com', new Date());
    await expect(run(cognitoEvent('PreSignUp_SignUp', { signUpTicket: foreign }))).rejects.toMatchObject({
      name: 'TriggerRefusedError',
      message: 'Sign-up is only possible through the API.',
    });
  });

  it('lets AdminCreateUser (IAM-authorized) and federated sign-ins pass without a ticket', async () => {
    await expect(run(cognitoEvent('PreSignUp_AdminCreateUser'))).resolves.toHaveProperty('triggerSource');
    await expect(run(cognitoEvent('PreSignUp_ExternalProvider'))).resolves.toHaveProperty('triggerSource');
  });
});
