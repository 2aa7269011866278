import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { normalizeEmail } from '../../domain/email';
import {
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  TemporaryPasswordExpiredError,
  UserExistsError,
  UserNotConfirmedError,
  UserNotFoundError,
  UserStateError,
} from '../../domain/errors';
import {
  COGNITO_ADMIN_SCOPE,
  PASSWORD_POLICY,
  passwordPolicyViolations,
  TEMPORARY_PASSWORD_VALIDITY_DAYS,
  TOKEN_VALIDITY,
} from '../../domain/pool-policy';
import type { AuthOutcome, ChallengeName, Tokens } from '../../domain/tokens';
import type { CognitoUserStatus } from '../../domain/user';
import { type Clock, systemClock } from '../../ports/clock';
import type {
  CreateUserInput,
  IdentityProvider,
  IdentityUser,
  Invitation,
} from '../../ports/identity-provider';
import type { JwtSigner } from './jwt-signer';
import type { Outbox } from './outbox';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface FakeUser {
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
}

interface PendingChallenge {
  username: string;
  name: ChallengeName;
  expiresAt: number;
}

export interface InMemoryIdentityProviderOptions {
  userPoolId: string;
  clientId: string;
  signer: JwtSigner;
  outbox: Outbox;
  clock?: Clock;
}

/**
 * A stateful in-memory Cognito user pool, faithful to the Cognito semantics
 * this project relies on (user statuses, temporary-password expiry, password
 * policy, challenge sessions, RS256 tokens with Cognito's claims). Messages go
 * to the outbox. It follows real Cognito, not an emulator's gaps.
 */
export class InMemoryIdentityProvider implements IdentityProvider {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly issuer: string;
  private readonly signer: JwtSigner;
  private readonly outbox: Outbox;
  private readonly clock: Clock;
  private readonly users = new Map<string, FakeUser>();
  private readonly usernameByEmail = new Map<string, string>();
  private readonly sessions = new Map<string, PendingChallenge>();
  private readonly refreshTokens = new Map<
    string,
    { username: string; originJti: string; expiresAt: number }
  >();

  constructor(options: InMemoryIdentityProviderOptions) {
    this.userPoolId = options.userPoolId;
    this.clientId = options.clientId;
    this.signer = options.signer;
    this.outbox = options.outbox;
    this.clock = options.clock ?? systemClock;
    const region = this.userPoolId.split('_')[0];
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${this.userPoolId}`;
  }

  async createUser(input: CreateUserInput): Promise<IdentityUser> {
    if (input.temporaryPassword !== undefined) assertPolicy(input.temporaryPassword);
    const temporaryPassword = input.temporaryPassword ?? generateTemporaryPassword();
    const user = this.addUser({
      email: input.email,
      password: temporaryPassword,
      status: 'FORCE_CHANGE_PASSWORD',
      attributes: input.attributes,
    });
    this.sendTemporaryPassword(user, temporaryPassword, input.invitation ?? 'applicant');
    return this.view(user);
  }

  async resendTemporaryPassword(email: string, invitation: Invitation = 'applicant'): Promise<void> {
    const user = this.findUser(email);
    if (!user) throw new UserNotFoundError('User does not exist.');
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw new UserStateError('Resend is only possible while the temporary password is unused.');
    }
    const temporaryPassword = generateTemporaryPassword();
    user.passwordHash = hash(temporaryPassword);
    user.temporaryPasswordIssuedAt = this.clock().getTime();
    this.sendTemporaryPassword(user, temporaryPassword, invitation);
  }

  async addUserToGroup(username: string, group: string): Promise<void> {
    this.existing(username).groups.add(group);
  }

  async groupsOf(username: string): Promise<string[]> {
    return [...this.existing(username).groups].sort();
  }

  async deleteUser(username: string): Promise<void> {
    const user = this.users.get(username);
    if (!user) return;
    this.users.delete(username);
    this.usernameByEmail.delete(user.email);
    for (const [token, entry] of this.refreshTokens)
      if (entry.username === username) this.refreshTokens.delete(token);
  }

  async getUser(emailOrUsername: string): Promise<IdentityUser | undefined> {
    const user = this.findUser(emailOrUsername);
    return user ? this.view(user) : undefined;
  }

  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    const user = this.findUser(email);
    // Unknown user and wrong password look the same, as with
    // PreventUserExistenceErrors on.
    if (!user || !matches(user.passwordHash, password)) throw new NotAuthorizedError();
    if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
    switch (user.status) {
      case 'FORCE_CHANGE_PASSWORD':
        if (this.temporaryPasswordExpired(user)) throw new TemporaryPasswordExpiredError();
        return {
          challenge: {
            name: 'NEW_PASSWORD_REQUIRED',
            session: this.openSession(user, 'NEW_PASSWORD_REQUIRED'),
          },
        };
      case 'UNCONFIRMED':
        throw new UserNotConfirmedError();
      case 'RESET_REQUIRED':
        throw new PasswordResetRequiredError();
      case 'CONFIRMED':
        return { tokens: this.issueTokens(user) };
      default:
        throw new NotAuthorizedError();
    }
  }

  async respondToNewPasswordChallenge(input: {
    email: string;
    session: string;
    newPassword: string;
  }): Promise<AuthOutcome> {
    const user = this.takeSession(input.session, input.email, 'NEW_PASSWORD_REQUIRED');
    assertPolicy(input.newPassword);
    user.passwordHash = hash(input.newPassword);
    user.status = 'CONFIRMED';
    user.temporaryPasswordIssuedAt = undefined;
    return { tokens: this.issueTokens(user) };
  }

  // ---- Fake-only helpers for the local server and tests (not in the port) ----

  /** The public keys verifiers trust for this pool's tokens. */
  get jwks() {
    return this.signer.jwks;
  }

  /** Adds a user directly, e.g. the local bootstrap admin. */
  seedUser(input: {
    email: string;
    password: string;
    groups?: string[];
    attributes?: Record<string, string>;
  }) {
    return this.view(this.addUser({ ...input, status: 'CONFIRMED' }));
  }

  /** Whether a verified access token has been revoked (global sign-out). */
  isRevoked(claims: { username?: unknown; origin_jti?: unknown }): boolean {
    const user = typeof claims.username === 'string' ? this.users.get(claims.username) : undefined;
    return !user || (typeof claims.origin_jti === 'string' && user.revokedOrigins.has(claims.origin_jti));
  }

  // ---- internals ----

  /** Adds a user as AdminCreateUser does: a UUID username equal to `sub`, email verified. */
  private addUser(input: {
    email: string;
    password: string;
    status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
    groups?: string[];
    attributes?: Record<string, string>;
  }): FakeUser {
    const email = normalizeEmail(input.email);
    if (this.usernameByEmail.has(email))
      throw new UserExistsError('An account with the given email already exists.');
    const username = randomUUID();
    const now = this.clock();
    const user: FakeUser = {
      username,
      email,
      attributes: { ...input.attributes, sub: username, email, email_verified: 'true' },
      status: input.status,
      enabled: true,
      passwordHash: hash(input.password),
      ...(input.status === 'FORCE_CHANGE_PASSWORD' ? { temporaryPasswordIssuedAt: now.getTime() } : {}),
      groups: new Set(input.groups),
      createdAt: now,
      revokedOrigins: new Set(),
    };
    this.users.set(username, user);
    this.usernameByEmail.set(email, username);
    return user;
  }

  /** Admin* calls take the username; an unknown one is UserNotFoundException in Cognito. */
  private existing(username: string): FakeUser {
    const user = this.users.get(username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    return user;
  }

  private findUser(emailOrUsername: string): FakeUser | undefined {
    const byUsername = this.users.get(emailOrUsername);
    if (byUsername) return byUsername;
    const username = this.usernameByEmail.get(normalizeEmail(emailOrUsername));
    return username ? this.users.get(username) : undefined;
  }

  private view(user: FakeUser): IdentityUser {
    return {
      username: user.username,
      sub: user.username,
      email: user.email,
      status: user.status,
      enabled: user.enabled,
      attributes: { ...user.attributes },
      createdAt: user.createdAt,
    };
  }

  private temporaryPasswordExpired(user: FakeUser): boolean {
    const issued = user.temporaryPasswordIssuedAt ?? 0;
    return this.clock().getTime() > issued + TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY_MS;
  }

  private openSession(user: FakeUser, name: ChallengeName): string {
    const session = randomBytes(48).toString('base64url');
    const expiresAt = this.clock().getTime() + TOKEN_VALIDITY.authSessionMinutes * MINUTE_MS;
    this.sessions.set(session, { username: user.username, name, expiresAt });
    return session;
  }

  /** Sessions are single use and bound to one user and one challenge, as in Cognito. */
  private takeSession(session: string, email: string, name: ChallengeName): FakeUser {
    const pending = this.sessions.get(session);
    this.sessions.delete(session);
    const user = this.findUser(email);
    if (
      !pending ||
      !user ||
      pending.username !== user.username ||
      pending.name !== name ||
      this.clock().getTime() > pending.expiresAt
    ) {
      throw new InvalidSessionError();
    }
    return user;
  }

  private issueTokens(user: FakeUser): Tokens {
    const now = Math.floor(this.clock().getTime() / 1000);
    const originJti = randomUUID();
    const groups = [...user.groups];
    const common = {
      sub: user.username,
      iss: this.issuer,
      origin_jti: originJti,
      event_id: randomUUID(),
      auth_time: now,
      iat: now,
      ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
    };
    const customClaims = Object.fromEntries(
      Object.entries(user.attributes).filter(([k]) => k.startsWith('custom:')),
    );
    const idToken = this.signer.sign({
      ...common,
      ...customClaims,
      aud: this.clientId,
      token_use: 'id',
      'cognito:username': user.username,
      email: user.email,
      email_verified: user.attributes.email_verified === 'true',
      exp: now + TOKEN_VALIDITY.idTokenMinutes * 60,
      jti: randomUUID(),
    });
    const accessToken = this.signer.sign({
      ...common,
      client_id: this.clientId,
      token_use: 'access',
      scope: COGNITO_ADMIN_SCOPE,
      username: user.username,
      exp: now + TOKEN_VALIDITY.accessTokenMinutes * 60,
      jti: randomUUID(),
    });
    const refreshToken = randomBytes(64).toString('base64url');
    this.refreshTokens.set(refreshToken, {
      username: user.username,
      originJti,
      expiresAt: this.clock().getTime() + TOKEN_VALIDITY.refreshTokenDays * DAY_MS,
    });
    return {
      idToken,
      accessToken,
      refreshToken,
      expiresIn: TOKEN_VALIDITY.accessTokenMinutes * 60,
      tokenType: 'Bearer',
    };
  }

  private sendTemporaryPassword(user: FakeUser, temporaryPassword: string, invitation: Invitation): void {
    const intro = invitation === 'admin' ? 'You have been invited as an administrator. ' : '';
    const text = `${intro}Your username is ${user.email} and your temporary password is ${temporaryPassword}. It is valid for ${TEMPORARY_PASSWORD_VALIDITY_DAYS} days.`;
    this.outbox.send({
      to: user.email,
      subject: invitation === 'admin' ? 'Your administrator invitation' : 'Your temporary password',
      text,
      html: `<p>${text}</p>`,
      kind: invitation === 'admin' ? 'ADMIN_INVITE' : 'TEMPORARY_PASSWORD',
      secret: temporaryPassword,
      sentAt: this.clock().toISOString(),
    });
  }
}

/** Export so tests can check a fake never lets a policy-failing password through. */
export function assertPolicy(password: string): void {
  const missing = passwordPolicyViolations(password);
  if (missing.length > 0) {
    throw new InvalidPasswordError(`Password does not conform to policy: it needs ${missing.join(', ')}.`);
  }
}

// Compared as fixed-length digests, so the comparison is constant time.
function hash(password: string): Buffer {
  return createHash('sha256').update(password).digest();
}

function matches(expected: Buffer, password: string): boolean {
  return timingSafeEqual(expected, hash(password));
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#$%&*+-=?@^_';

/** A password that satisfies PASSWORD_POLICY, like the ones Cognito generates. */
export function generateTemporaryPassword(): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set.charAt(randomInt(set.length));
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < Math.max(12, PASSWORD_POLICY.minLength)) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
