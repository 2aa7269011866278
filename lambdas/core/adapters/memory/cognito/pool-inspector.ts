import {
  PASSWORD_POLICY,
  TEMPORARY_PASSWORD_VALIDITY_DAYS,
  TOKEN_VALIDITY,
} from '../../../domain/pool-policy';
import type { IdentityUser } from '../../../ports/identity-user';
import type { ClientSnapshot, PoolInspector, PoolSnapshot } from '../../../ports/pool-inspector';
import type { PoolState } from './pool';

/**
 * The pool inspector on the in-memory pool: the configuration the stack
 * deploys (lib/constructs/identity.ts reads the same constants), and the
 * fake's users.
 */
export class InMemoryPoolInspector implements PoolInspector {
  constructor(private readonly pool: PoolState) {}

  async describePool(): Promise<PoolSnapshot> {
    return {
      userPoolId: this.pool.config.userPoolId,
      mfa: this.pool.config.mfa === 'REQUIRED' ? 'ON' : 'OPTIONAL',
      passwordPolicy: { ...PASSWORD_POLICY, temporaryPasswordValidityDays: TEMPORARY_PASSWORD_VALIDITY_DAYS },
      signInAttributes: ['email'],
      deletionProtection: true,
      featurePlan: 'ESSENTIALS',
      estimatedUsers: this.pool.all().length,
    };
  }

  async describeClient(): Promise<ClientSnapshot> {
    return {
      clientId: this.pool.config.clientId,
      authFlows: [
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
      ],
      tokenValidity: {
        accessToken: `${TOKEN_VALIDITY.accessTokenMinutes} minutes`,
        idToken: `${TOKEN_VALIDITY.idTokenMinutes} minutes`,
        refreshToken: `${TOKEN_VALIDITY.refreshTokenDays} days`,
      },
      tokenRevocation: true,
      preventUserExistenceErrors: true,
    };
  }

  async *usernames(): AsyncIterable<string[]> {
    const all = this.pool.all().map((u) => u.username);
    for (let i = 0; i < all.length; i += 60) yield all.slice(i, i + 60);
  }

  async listUsers(options: { pageSize: number; pages: number }): Promise<IdentityUser[]> {
    return this.pool.all().slice(0, options.pageSize * options.pages);
  }
}
