import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { CODE_PARAMETER, USERNAME_PARAMETER } from '../../../lambdas/core/domain/messages';
import { handler } from '../../../lambdas/triggers/custom-message';
import { lambdaContext } from '../../../local/api-gateway';

/** The event of Cognito's developer guide ("Custom message Lambda trigger"), for one trigger source. */
function cognitoEvent(
  triggerSource: CustomMessageTriggerEvent['triggerSource'],
  clientMetadata: Record<string, string> = {},
  name?: string,
): CustomMessageTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_EXAMPLE',
    userName: '4f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    triggerSource,
    request: {
      userAttributes: {
        sub: '4f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
        email_verified: 'true',
        'cognito:user_status': 'FORCE_CHANGE_PASSWORD',
        email: 'jane@example.com',
        ...(name ? { name } : {}),
      },
      codeParameter: CODE_PARAMETER,
      linkParameter: '{##Click Here##}',
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? USERNAME_PARAMETER : null,
      clientMetadata,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as unknown as CustomMessageTriggerEvent;
}

const run = (event: CustomMessageTriggerEvent) => handler(event, lambdaContext('customMessage'));

describe('the CustomMessage trigger', () => {
  it('brands the admin invitation, keeping both placeholders Cognito requires', async () => {
    const out = await run(cognitoEvent('CustomMessage_AdminCreateUser', { invitation: 'admin' }));

    expect(out.response.emailSubject).toMatch(/administrator invitation/);
    expect(out.response.emailMessage).toContain(CODE_PARAMETER);
    expect(out.response.emailMessage).toContain(USERNAME_PARAMETER);
  });

  it('brands the applicant invitation differently from the admin one', async () => {
    const applicant = await run(cognitoEvent('CustomMessage_AdminCreateUser', { invitation: 'applicant' }));
    const admin = await run(cognitoEvent('CustomMessage_AdminCreateUser', { invitation: 'admin' }));

    expect(applicant.response.emailSubject).toMatch(/account is ready/);
    expect(applicant.response.emailSubject).not.toBe(admin.response.emailSubject);
  });

  it.each([
    ['CustomMessage_SignUp', /confirm your email/],
    ['CustomMessage_ResendCode', /confirm your email/],
    ['CustomMessage_ForgotPassword', /reset your password/],
  ] as const)('brands %s with the code placeholder', async (source, subject) => {
    const out = await run(cognitoEvent(source));

    expect(out.response.emailSubject).toMatch(subject);
    expect(out.response.emailMessage).toContain(CODE_PARAMETER);
  });

  it('leaves messages it does not brand to the pool templates', async () => {
    const out = await run(cognitoEvent('CustomMessage_Authentication'));

    expect(out.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });

  it("escapes the user's name, which the applicant chose", async () => {
    const out = await run(cognitoEvent('CustomMessage_SignUp', {}, '<img src=x onerror=alert(1)>'));

    expect(out.response.emailMessage).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
    expect(out.response.emailMessage).not.toContain('<img');
  });
});
