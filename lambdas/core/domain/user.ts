import type { UserStatus } from './onboarding';

export type Role = 'user' | 'admin';

/** Cognito's own user statuses (AdminGetUser `UserStatus`). */
export type CognitoUserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'EXTERNAL_PROVIDER'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN';

/** A record of the `Users` table, keyed by the Cognito `sub`. */
export interface UserRecord {
  userId: string;
  email: string;
  status: UserStatus;
  previousStatus?: UserStatus;
  role: Role;
  /** The display name (Cognito `name`), when set. */
  name?: string;
  /** The tenant (Cognito `custom:organizationId`), when set. */
  organizationId?: string;
  username?: string;
  legacyId?: string;
  emailVerified: boolean;
  mfa: { enabled: boolean; required: boolean; method?: 'totp' | 'sms' };
  createdAt: string;
  updatedAt: string;
  /**
   * Access tokens issued (`iat`) before this instant are refused by every
   * protected route (global sign-out, disable, suspend). Internal: never served.
   */
  tokensValidAfter?: string;
  /** When the password was last reset by email code (ConfirmForgotPassword). Internal. */
  passwordResetAt?: string;
  /**
   * Cognito's SignUp session, handed to ConfirmSignUp so that a right code
   * yields a one-time USER_AUTH sign-in. Internal: never served (spent once used).
   */
  signUpSession?: string;
  /**
   * An admin's reset-password, sign-out, suspend or disable holds the
   * account's passwordless factors (emailed codes, passkeys) from `heldAt`
   * until a password sign-in after it, which removes the passkeys registered
   * before and sets `releasedAt` (record 0052). Internal: never served.
   */
  factorHold?: { heldAt: string; releasedAt?: string };
}

/** The `User` object of the API: the record's public fields plus, where known, Cognito's view. */
export interface User
  extends Omit<
    UserRecord,
    'previousStatus' | 'tokensValidAfter' | 'passwordResetAt' | 'signUpSession' | 'factorHold'
  > {
  cognitoStatus?: CognitoUserStatus;
  enabled?: boolean;
  /** Cognito's own MFA settings for the user (AdminGetUser), on the admin's view. */
  cognitoMfa?: CognitoMfa;
}

/** AdminGetUser's MFA view: the enabled methods and the preferred one. */
export interface CognitoMfa {
  methods: Array<'SOFTWARE_TOKEN_MFA' | 'SMS_MFA'>;
  preferred?: 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';
}

/** The caller's `User` plus their Cognito groups (`GET /me`). */
export interface Profile extends User {
  groups: string[];
}

/** Builds a new `Users` record. */
export function newUserRecord(input: {
  userId: string;
  email: string;
  status: UserStatus;
  role?: Role;
  emailVerified?: boolean;
  legacyId?: string;
  signUpSession?: string;
  now: Date;
}): UserRecord {
  const at = input.now.toISOString();
  return {
    userId: input.userId,
    email: input.email,
    status: input.status,
    role: input.role ?? 'user',
    ...(input.legacyId ? { legacyId: input.legacyId } : {}),
    emailVerified: input.emailVerified ?? false,
    mfa: { enabled: false, required: false },
    createdAt: at,
    updatedAt: at,
    ...(input.signUpSession ? { signUpSession: input.signUpSession } : {}),
  };
}

/**
 * The API view of a record, from an explicit list of fields: an internal
 * attribute added to the table later is never served by accident.
 */
export function toUser(
  record: UserRecord,
  cognito?: { status: CognitoUserStatus; enabled: boolean; mfa?: CognitoMfa },
): User {
  const user: User = {
    userId: record.userId,
    email: record.email,
    status: record.status,
    role: record.role,
    ...(record.name !== undefined ? { name: record.name } : {}),
    ...(record.organizationId !== undefined ? { organizationId: record.organizationId } : {}),
    ...(record.username !== undefined ? { username: record.username } : {}),
    ...(record.legacyId !== undefined ? { legacyId: record.legacyId } : {}),
    emailVerified: record.emailVerified,
    mfa: {
      enabled: record.mfa.enabled,
      required: record.mfa.required,
      ...(record.mfa.method !== undefined ? { method: record.mfa.method } : {}),
    },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (!cognito) return user;
  return {
    ...user,
    cognitoStatus: cognito.status,
    enabled: cognito.enabled,
    ...(cognito.mfa ? { cognitoMfa: cognito.mfa } : {}),
  };
}

/**
 * The `tokensValidAfter` for a revocation at `at`, to the millisecond. A
 * token's `iat` has whole seconds, so a token issued in that same second is
 * ambiguous; the caller gate then asks Cognito, which revoked every token
 * issued before the revocation and none after (caller-gate.ts).
 */
export function revocationInstant(at: Date): string {
  return at.toISOString();
}
