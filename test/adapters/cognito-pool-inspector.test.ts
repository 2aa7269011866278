import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoPoolInspector } from '../../lambdas/core/adapters/aws/cognito/cognito-pool-inspector';
import { probeConnection } from '../../lambdas/core/workflows/admin-pool/probe-connection';

const cognito = mockClient(CognitoIdentityProviderClient);
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  'client123',
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
);
const inspector = new CognitoPoolInspector(pool);

beforeEach(() => cognito.reset());

describe('CognitoPoolInspector', () => {
  it('reads the pool and client snapshots, never the client secret', async () => {
    cognito.on(DescribeUserPoolCommand).resolves({
      UserPool: {
        MfaConfiguration: 'OPTIONAL',
        Policies: {
          PasswordPolicy: { MinimumLength: 8, RequireSymbols: true, TemporaryPasswordValidityDays: 7 },
        },
        UsernameAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'ESSENTIALS',
        EstimatedNumberOfUsers: 42,
      },
    });
    cognito.on(DescribeUserPoolClientCommand).resolves({
      UserPoolClient: {
        ClientSecret: 'never-shown',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
      },
    });
    await expect(inspector.describePool()).resolves.toMatchObject({
      mfa: 'OPTIONAL',
      signInAttributes: ['email'],
      deletionProtection: true,
      estimatedUsers: 42,
    });
    const client = await inspector.describeClient();
    expect(client).toMatchObject({ tokenRevocation: true, preventUserExistenceErrors: true });
    expect(client.tokenValidity.accessToken).toBe('60 minutes');
    expect(JSON.stringify(client)).not.toContain('never-shown');
  });

  it('pages ListUsers up to the given number of pages, with the given Limit', async () => {
    cognito
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [{ Username: 'a' }], PaginationToken: 'next' })
      .resolvesOnce({ Users: [{ Username: 'b' }], PaginationToken: 'more' });
    const users = await inspector.listUsers({ pageSize: 60, pages: 2 });
    expect(users.map((u) => u.username)).toEqual(['a', 'b']);
    expect(cognito.commandCalls(ListUsersCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Abc123', Limit: 60 },
      { UserPoolId: 'eu-west-1_Abc123', Limit: 60, PaginationToken: 'next' },
    ]);
  });

  it('probe: AccessDenied names the missing IAM action', async () => {
    cognito.on(DescribeUserPoolCommand).resolves({ UserPool: {} });
    cognito
      .on(ListUsersCommand)
      .rejects(
        Object.assign(
          new Error(
            'User: arn:aws:sts::123456789012:assumed-role/x/y is not authorized to perform: cognito-idp:ListUsers on resource: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc123 because no identity-based policy allows the cognito-idp:ListUsers action',
          ),
          { name: 'AccessDeniedException', $metadata: {} },
        ),
      );
    const request = { actor: { sub: 'a', username: 'a', groups: ['admin'] }, correlationId: 'c' };
    await expect(probeConnection({ inspector, now: () => 0 }, request)).resolves.toEqual({
      ok: false,
      reason: 'missing IAM permission cognito-idp:ListUsers',
    });
  });
});
