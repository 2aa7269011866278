import { App } from 'aws-cdk-lib';
import { configureApp } from '../../lib/app';

/**
 * USER_AUTH's first factors on the pool and the app client, per context flag
 * (docs/deploy.md): the password always, emailed codes with an SES sender,
 * passkeys with a relying party; combinations Cognito refuses fail at synth.
 */
type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

function synth(context: Record<string, string> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  const { Resources } = app.synth().getStackByName(stack.stackName).template as Template;
  const only = (type: string) => Object.values(Resources).filter((r) => r.Type === type);
  return {
    pool: only('AWS::Cognito::UserPool')[0]?.Properties ?? {},
    client: only('AWS::Cognito::UserPoolClient')[0]?.Properties ?? {},
  };
}

const factors = (pool: Record<string, unknown>) =>
  (pool.Policies as { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } }).SignInPolicy
    ?.AllowedFirstAuthFactors;

describe('choice-based sign-in (USER_AUTH) in the template', () => {
  it('lets the app client use USER_AUTH, and allows only the password by default', () => {
    const { pool, client } = synth();
    expect(client.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH']),
    );
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_SRP_AUTH');
    expect(factors(pool)).toEqual(['PASSWORD']);
    expect(pool.WebAuthnRelyingPartyID).toBeUndefined();
    expect(pool.UserPoolTier).toBe('ESSENTIALS');
  });

  it('allows emailed codes (EMAIL_OTP) where the pool sends through SES, unless MFA is required', () => {
    expect(factors(synth({ sesFromAddress: 'no-reply@example.com' }).pool)).toEqual([
      'PASSWORD',
      'EMAIL_OTP',
    ]);
    expect(factors(synth({ sesFromAddress: 'no-reply@example.com', mfaRequired: 'true' }).pool)).toEqual([
      'PASSWORD',
    ]);
  });

  it('allows passkeys (WEB_AUTHN) for the relying party -c passkeyRpId names, user verification preferred or required', () => {
    const { pool } = synth({ passkeyRpId: 'accounts.example.com' });
    expect(factors(pool)).toEqual(['PASSWORD', 'WEB_AUTHN']);
    expect(pool).toMatchObject({
      WebAuthnRelyingPartyID: 'accounts.example.com',
      WebAuthnUserVerification: 'preferred',
    });
    const required = synth({
      passkeyRpId: 'example.com',
      passkeyUserVerification: 'required',
      sesFromAddress: 'a@example.com',
    });
    expect(factors(required.pool)).toEqual(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    expect(required.pool.WebAuthnUserVerification).toBe('required');
  });

  it.each([
    [{ passkeyUserVerification: 'required' }, /passkeyUserVerification needs passkeyRpId/],
    [{ passkeyRpId: 'https://example.com' }, /passkeyRpId: "https:\/\/example.com" is not a domain/],
    [{ passkeyRpId: 'example.com:443' }, /passkeyRpId: .* is not a domain/],
    [{ passkeyRpId: 'Example.com' }, /passkeyRpId: .* is not a domain/],
    [{ passkeyRpId: 'example.com', passkeyUserVerification: 'always' }, /passkeyUserVerification: "always"/],
    [
      { passkeyRpId: 'example.com', mfaRequired: 'true' },
      /passkeyRpId: Cognito refuses .* requires MFA \(mfaRequired\)/,
    ],
  ])('refuses %j at synth, naming the flag', (context, message) => {
    expect(() => synth(context as Record<string, string>)).toThrow(message);
  });
});
