import { only, synthesizedTemplate } from '../../local/emulators/template';
import { type CognitoBackend, invited } from './cognito-backend';

/**
 * What the admin page shows of the pool and app client (DescribeUserPool,
 * DescribeUserPoolClient, ListUsers) is what the stack deploys: the same
 * assertions, against the synthesized template, on the fake (which states
 * the deployed configuration from the shared constants) and through the real
 * adapter on each emulator (whose pool was made from the template).
 */
export function poolInspectorContract(backend: CognitoBackend): void {
  const template = synthesizedTemplate();
  const pool = only(template, 'AWS::Cognito::UserPool')[0]?.Properties ?? {};
  const client = only(template, 'AWS::Cognito::UserPoolClient')[0]?.Properties ?? {};
  const policy = (pool.Policies as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy;

  describe(`PoolInspector contract on ${backend.name}`, () => {
    it("describes the app client's auth flows, revocation and user-existence setting as the template has them", async () => {
      const described = await backend.poolInspector().describeClient();
      expect(described).toMatchObject({
        clientId: backend.clientId,
        authFlows: [...(client.ExplicitAuthFlows as string[])].sort(),
        preventUserExistenceErrors: client.PreventUserExistenceErrors === 'ENABLED',
        tokenRevocation: client.EnableTokenRevocation === true,
      });
    });

    it("describes the pool's password policy and MFA setting as the template has them", async () => {
      const described = await backend.poolInspector().describePool();
      expect(described).toMatchObject({
        userPoolId: backend.userPoolId,
        mfa: pool.MfaConfiguration,
        passwordPolicy: {
          minLength: policy.MinimumLength,
          requireUppercase: policy.RequireUppercase,
          requireLowercase: policy.RequireLowercase,
          requireDigits: policy.RequireNumbers,
          requireSymbols: policy.RequireSymbols,
          temporaryPasswordValidityDays: policy.TemporaryPasswordValidityDays,
        },
      });
    });

    it('lists the users of the pool (ListUsers)', async () => {
      const { email } = await invited(backend, 'inspector');
      const users = await backend.poolInspector().listUsers({ pageSize: 60, pages: 20 });
      expect(users.map((u) => u.email)).toContain(email);
    });
  });
}
