import type { IdentityUser } from './identity-user';

/** What the admin page shows of the user pool (DescribeUserPool). */
export interface PoolSnapshot {
  userPoolId: string;
  mfa: 'OFF' | 'ON' | 'OPTIONAL';
  passwordPolicy: {
    minLength: number;
    requireUppercase: boolean;
    requireLowercase: boolean;
    requireDigits: boolean;
    requireSymbols: boolean;
    temporaryPasswordValidityDays: number;
  };
  /** How users sign in: `UsernameAttributes` (e.g. email) or aliases. */
  signInAttributes: string[];
  deletionProtection: boolean;
  /** The feature plan (Lite, Essentials, Plus). */
  featurePlan: string;
  /** Cognito's own estimate (refreshed by Cognito, not live). */
  estimatedUsers: number;
}

/** What the admin page shows of the app client (DescribeUserPoolClient; never its secret). */
export interface ClientSnapshot {
  clientId: string;
  authFlows: string[];
  tokenValidity: { accessToken: string; idToken: string; refreshToken: string };
  tokenRevocation: boolean;
  preventUserExistenceErrors: boolean;
}

/**
 * Read-only views of the pool for administrators: DescribeUserPool,
 * DescribeUserPoolClient, ListUsers. Throws PermissionDeniedError (naming the
 * IAM action) when the function may not make a call.
 */
export interface PoolInspector {
  describePool(): Promise<PoolSnapshot>;
  describeClient(): Promise<ClientSnapshot>;
  /** ListUsers, up to `pages` pages of 60: the users it returns (Cognito lists in no useful order). */
  listUsers(options: { pageSize: number; pages: number }): Promise<IdentityUser[]>;
  /**
   * Every username of the pool, a ListUsers page at a time (no attributes
   * read): a scan that makes no user an active user of the month, as reading
   * each user would risk.
   */
  usernames(): AsyncIterable<string[]>;
}
