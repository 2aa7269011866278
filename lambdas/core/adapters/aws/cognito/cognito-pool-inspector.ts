import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUsersCommand,
  type TimeUnitsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityUser } from '../../../ports/identity-user';
import type { ClientSnapshot, PoolInspector, PoolSnapshot } from '../../../ports/pool-inspector';
import type { CognitoPool } from './cognito-client';
import { toIdentityUser } from './cognito-mapping';

/** The pool inspector on Amazon Cognito (DescribeUserPool, DescribeUserPoolClient, ListUsers). */
export class CognitoPoolInspector implements PoolInspector {
  constructor(private readonly pool: CognitoPool) {}

  async describePool(): Promise<PoolSnapshot> {
    const { UserPool: p } = await this.pool.send(
      new DescribeUserPoolCommand({ UserPoolId: this.pool.userPoolId }),
      'admin',
    );
    const policy = p?.Policies?.PasswordPolicy;
    return {
      userPoolId: this.pool.userPoolId,
      mfa: (p?.MfaConfiguration ?? 'OFF') as PoolSnapshot['mfa'],
      passwordPolicy: {
        minLength: policy?.MinimumLength ?? 8,
        requireUppercase: policy?.RequireUppercase ?? false,
        requireLowercase: policy?.RequireLowercase ?? false,
        requireDigits: policy?.RequireNumbers ?? false,
        requireSymbols: policy?.RequireSymbols ?? false,
        temporaryPasswordValidityDays: policy?.TemporaryPasswordValidityDays ?? 7,
      },
      signInAttributes: [...(p?.UsernameAttributes ?? []), ...(p?.AliasAttributes ?? [])],
      deletionProtection: p?.DeletionProtection === 'ACTIVE',
      featurePlan: p?.UserPoolTier ?? 'ESSENTIALS',
      estimatedUsers: p?.EstimatedNumberOfUsers ?? 0,
    };
  }

  async describeClient(): Promise<ClientSnapshot> {
    const { UserPoolClient: c } = await this.pool.send(
      new DescribeUserPoolClientCommand({ UserPoolId: this.pool.userPoolId, ClientId: this.pool.clientId }),
      'admin',
    );
    const units = c?.TokenValidityUnits;
    return {
      clientId: this.pool.clientId,
      authFlows: [...(c?.ExplicitAuthFlows ?? [])].sort(),
      tokenValidity: {
        accessToken: validity(c?.AccessTokenValidity, units?.AccessToken, 'hours'),
        idToken: validity(c?.IdTokenValidity, units?.IdToken, 'hours'),
        refreshToken: validity(c?.RefreshTokenValidity, units?.RefreshToken, 'days'),
      },
      tokenRevocation: c?.EnableTokenRevocation ?? false,
      preventUserExistenceErrors: c?.PreventUserExistenceErrors === 'ENABLED',
    };
  }

  async *usernames(): AsyncIterable<string[]> {
    let token: string | undefined;
    do {
      const answer = await this.pool.send(
        new ListUsersCommand({
          UserPoolId: this.pool.userPoolId,
          Limit: 60,
          AttributesToGet: [],
          ...(token ? { PaginationToken: token } : {}),
        }),
        'admin',
      );
      yield (answer.Users ?? []).flatMap((u) => (u.Username ? [u.Username] : []));
      token = answer.PaginationToken;
    } while (token);
  }

  async listUsers(options: { pageSize: number; pages: number }): Promise<IdentityUser[]> {
    const users: IdentityUser[] = [];
    let token: string | undefined;
    for (let page = 0; page < options.pages; page++) {
      const answer = await this.pool.send(
        new ListUsersCommand({
          UserPoolId: this.pool.userPoolId,
          Limit: options.pageSize,
          ...(token ? { PaginationToken: token } : {}),
        }),
        'admin',
      );
      users.push(...(answer.Users ?? []).map((u) => toIdentityUser({ ...u, Attributes: u.Attributes })));
      token = answer.PaginationToken;
      if (!token) break;
    }
    return users;
  }
}

/** `60 minutes`, in the unit Cognito reports (its defaults when the client leaves them unset). */
function validity(
  value: number | undefined,
  unit: TimeUnitsType | undefined,
  fallback: TimeUnitsType,
): string {
  return value === undefined ? 'default' : `${value} ${unit ?? fallback}`;
}
