import { randomUUID } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email';
import { UserExistsError, UserNotFoundError } from '../../../domain/errors';
import type { CognitoUserStatus } from '../../../domain/user';
import type { Clock } from '../../../ports/clock';
import type { IdentityUser } from '../../../ports/identity-user';
import type { LockoutState } from './lockout';
import { hashPassword } from './passwords';
import type { StoredPasskey } from './webauthn';

/** A user as the fake pool stores it. */
export interface FakeUser {
  username: string;
  email: string;
  attributes: Record<string, string>;
  status: CognitoUserStatus;
  enabled: boolean;
  passwordHash: Buffer;
  temporaryPasswordIssuedAt?: number;
  groups: Set<string>;
  createdAt: Date;
  /** Tokens whose `origin_jti` is listed here were revoked (sign-out). */
  revokedOrigins: Set<string>;
  /** GlobalSignOut: Cognito refuses every token of the user issued before (seconds). */
  signedOutAt?: number;
  /** TOTP: the secret being enrolled (AssociateSoftwareToken), then the verified one. */
  totp?: { secret: string; verified: boolean; lastUsedStep?: number };
  /** SetUserMFAPreference: TOTP enabled (and preferred), so sign-in asks for a code. */
  totpEnabled?: boolean;
  /** ForgotPassword: the reset code (digest), its expiry, and the wrong tries so far. */
  resetCode?: { hash: Buffer; expiresAt: number; failures: number };
  /** SignUp / ResendConfirmationCode: the confirmation code, its expiry, and the wrong tries so far. */
  signUpCode?: { hash: Buffer; expiresAt: number; failures: number };
  /** SignUp's session, which ConfirmSignUp exchanges for a one-time USER_AUTH sign-in. */
  signUpSession?: string;
  /** CompleteWebAuthnRegistration: the user's passkeys. */
  passkeys?: StoredPasskey[];
  /** Failed password sign-ins and the lockout they led to (lockout.ts). */
  lockout?: LockoutState;
}

export interface PoolConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  clock: Clock;
  /** The pool's MfaConfiguration: REQUIRED sends a user without MFA to MFA_SETUP at sign-in. */
  mfa: 'OPTIONAL' | 'REQUIRED';
}

/** The users of one pool, by username and by email (the pool's sign-in alias, case-insensitive). */
export class PoolState {
  private readonly users = new Map<string, FakeUser>();
  private readonly usernameByEmail = new Map<string, string>();

  constructor(readonly config: PoolConfig) {}

  /** Adds a user as AdminCreateUser does: a UUID username equal to `sub`, email verified. */
  add(input: {
    email: string;
    password: string;
    status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED' | 'UNCONFIRMED' | 'RESET_REQUIRED';
    groups?: string[];
    attributes?: Record<string, string>;
  }): FakeUser {
    const email = normalizeEmail(input.email);
    if (this.usernameByEmail.has(email))
      throw new UserExistsError('An account with the given email already exists.');
    const username = randomUUID();
    const now = this.config.clock();
    const user: FakeUser = {
      username,
      email,
      // AdminCreateUser users are verified (the invitation proves the address); sign-ups are not yet.
      attributes: {
        ...input.attributes,
        sub: username,
        email,
        email_verified: input.status === 'UNCONFIRMED' ? 'false' : 'true',
      },
      status: input.status,
      enabled: true,
      passwordHash: hashPassword(input.password),
      ...(input.status === 'FORCE_CHANGE_PASSWORD' ? { temporaryPasswordIssuedAt: now.getTime() } : {}),
      groups: new Set(input.groups),
      createdAt: now,
      revokedOrigins: new Set(),
    };
    this.users.set(username, user);
    this.usernameByEmail.set(email, username);
    return user;
  }

  remove(username: string): FakeUser | undefined {
    const user = this.users.get(username);
    if (!user) return undefined;
    this.users.delete(username);
    this.usernameByEmail.delete(user.email);
    return user;
  }

  /** Admin* calls take the username; an unknown one is UserNotFoundException in Cognito. */
  existing(username: string): FakeUser {
    const user = this.users.get(username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    return user;
  }

  /** Every user, as the port sees them (ListUsers). */
  all(): IdentityUser[] {
    return [...this.users.values()].map(viewOf);
  }

  /** Whether any user of the pool has registered a passkey with this credential id. */
  hasPasskey(credentialId: string): boolean {
    for (const user of this.users.values())
      if (user.passkeys?.some((p) => p.credentialId === credentialId)) return true;
    return false;
  }

  byUsername(username: string): FakeUser | undefined {
    return this.users.get(username);
  }

  /** By username, or by email as the pool's alias. */
  find(emailOrUsername: string): FakeUser | undefined {
    const byUsername = this.users.get(emailOrUsername);
    if (byUsername) return byUsername;
    const username = this.usernameByEmail.get(normalizeEmail(emailOrUsername));
    return username ? this.users.get(username) : undefined;
  }
}

/** The port's view of a stored user (a copy: callers cannot change the pool). */
export function viewOf(user: FakeUser): IdentityUser {
  return {
    username: user.username,
    sub: user.username,
    email: user.email,
    status: user.status,
    enabled: user.enabled,
    attributes: { ...user.attributes },
    createdAt: user.createdAt,
    mfa:
      user.totpEnabled && user.totp?.verified
        ? { methods: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }
        : { methods: [] },
  };
}
