import {
  CodeMismatchError,
  InvalidSessionError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  RequestValidationError,
  TemporaryPasswordExpiredError,
  UserNotConfirmedError,
} from '../../../domain/errors';
import { TEMPORARY_PASSWORD_VALIDITY_DAYS } from '../../../domain/pool-policy';
import { type AuthOutcome, type FirstFactor, type Tokens, USER_AUTH_STEPS } from '../../../domain/tokens';
import { matchTotp, newTotpSecret } from '../../../domain/totp';
import type { ChallengeAnswer, SignIn } from '../../../ports/sign-in';
import type { CustomAuth } from './custom-auth';
import { passwordAccepted } from './lockout';
import type { UserMigration } from './migration';
import { assertPolicy, hashPassword } from './passwords';
import type { FakeUser, PoolState } from './pool';
import type { Sessions } from './sessions';
import type { TokenIssuer } from './tokens';
import { PoolTriggerError } from './triggers';
import type { UserAuth } from './user-auth';

const DAY_MS = 86_400_000;

/** The sign-in port on the in-memory pool: InitiateAuth and RespondToAuthChallenge as Cognito answers them. */
export class InMemorySignIn implements SignIn {
  constructor(
    private readonly pool: PoolState,
    private readonly sessions: Sessions,
    private readonly tokens: TokenIssuer,
    private readonly steps: { customAuth: CustomAuth; migration: UserMigration; userAuth: UserAuth },
    /** The app client rotates refresh tokens. */
    private readonly refreshRotation = false,
  ) {}

  /** InitiateAuth USER_PASSWORD_AUTH. */
  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    const user = this.pool.find(email) ?? (await this.migrate(email, password));
    // Unknown user and wrong password look the same, as with PreventUserExistenceErrors on.
    if (!user || !passwordAccepted(user, password, this.pool.config.clock().getTime()))
      throw new NotAuthorizedError();
    return this.afterPassword(user);
  }

  /** What a right password leads to: a new password, a TOTP code, MFA setup or tokens. */
  afterPassword(user: FakeUser): AuthOutcome {
    if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
    switch (user.status) {
      case 'FORCE_CHANGE_PASSWORD':
        if (this.temporaryPasswordExpired(user)) throw new TemporaryPasswordExpiredError();
        return {
          challenge: {
            name: 'NEW_PASSWORD_REQUIRED',
            session: this.sessions.open(user, 'NEW_PASSWORD_REQUIRED'),
          },
        };
      case 'UNCONFIRMED':
        throw new UserNotConfirmedError();
      case 'RESET_REQUIRED':
        throw new PasswordResetRequiredError();
      case 'CONFIRMED':
        if (user.totpEnabled && user.totp?.verified) {
          return {
            challenge: {
              name: 'SOFTWARE_TOKEN_MFA',
              session: this.sessions.open(user, 'SOFTWARE_TOKEN_MFA'),
            },
          };
        }
        return this.tokensOrMfaSetup(user);
      default:
        throw new NotAuthorizedError();
    }
  }

  /** RespondToAuthChallenge NEW_PASSWORD_REQUIRED: the session first, then the policy. */
  async respondToNewPasswordChallenge(input: {
    email: string;
    session: string;
    newPassword: string;
  }): Promise<AuthOutcome> {
    const user = this.sessions.take(input.session, this.pool.find(input.email), 'NEW_PASSWORD_REQUIRED');
    assertPolicy(input.newPassword);
    user.passwordHash = hashPassword(input.newPassword);
    user.status = 'CONFIRMED';
    user.temporaryPasswordIssuedAt = undefined;
    return this.tokensOrMfaSetup(user);
  }

  /** AssociateSoftwareToken with an MFA_SETUP session: a new secret, and a new session to answer with. */
  async startMfaSetup(session: string): Promise<{ secretCode: string; session: string }> {
    const user = this.sessions.take(session, this.sessions.userOf(session, this.pool), 'MFA_SETUP');
    const secretCode = newTotpSecret();
    user.totp = { secret: secretCode, verified: false };
    return { secretCode, session: this.sessions.open(user, 'MFA_SETUP') };
  }

  /** A pool that requires MFA sends a user without it to MFA_SETUP instead of issuing tokens. */
  private tokensOrMfaSetup(user: FakeUser): AuthOutcome {
    if (this.pool.config.mfa === 'REQUIRED' && !user.totpEnabled) {
      return { challenge: { name: 'MFA_SETUP', session: this.sessions.open(user, 'MFA_SETUP') } };
    }
    return { tokens: this.tokens.issue(user) };
  }

  /** InitiateAuth USER_AUTH: the choice-based sign-in. */
  async startUserAuth(input: {
    email: string;
    preferred?: FirstFactor;
    session?: string;
  }): Promise<AuthOutcome> {
    return this.steps.userAuth.start(input);
  }

  /** RespondToAuthChallenge: USER_AUTH's steps, NEW_PASSWORD_REQUIRED, or a TOTP code (no SMS on the pool). */
  async respondToChallenge(input: ChallengeAnswer): Promise<AuthOutcome> {
    if (USER_AUTH_STEPS.has(input.name)) return this.steps.userAuth.answer(input);
    if (input.name === 'NEW_PASSWORD_REQUIRED') {
      if (input.newPassword === undefined)
        throw new RequestValidationError('newPassword', 'newPassword: required');
      return this.respondToNewPasswordChallenge({ ...input, newPassword: input.newPassword });
    }
    if (input.name !== 'SOFTWARE_TOKEN_MFA' && input.name !== 'MFA_SETUP') throw new InvalidSessionError();
    const user = this.sessions.check(input.session, this.pool.find(input.email), input.name);
    // SOFTWARE_TOKEN_MFA checks the enrolled secret; MFA_SETUP (VerifySoftwareToken) the pending one.
    const totp = input.name === 'MFA_SETUP' || user.totp?.verified ? user.totp : undefined;
    const step = totp
      ? matchTotp(totp.secret, input.code ?? '', this.pool.config.clock().getTime(), totp.lastUsedStep)
      : undefined;
    if (step === undefined || !totp) {
      this.sessions.fail(input.session);
      throw new CodeMismatchError('The code is wrong.');
    }
    this.sessions.take(input.session, user, input.name);
    totp.lastUsedStep = step;
    if (input.name === 'MFA_SETUP') {
      // Cognito enables (and prefers) the TOTP that answered MFA_SETUP.
      totp.verified = true;
      user.totpEnabled = true;
    }
    return { tokens: this.tokens.issue(user) };
  }

  /** InitiateAuth CUSTOM_AUTH: the CUSTOM_AUTH state machine through the pool's triggers. */
  async startCustomAuth(email: string): Promise<AuthOutcome> {
    return this.steps.customAuth.start(email);
  }

  async answerCustomChallenge(input: {
    email: string;
    session: string;
    answer: string;
  }): Promise<AuthOutcome> {
    return this.steps.customAuth.answer(input);
  }

  /** REFRESH_TOKEN_AUTH (or GetTokensFromRefreshToken with rotation). */
  async refresh(refreshToken: string): Promise<Tokens> {
    const entry = this.tokens.refreshEntry(refreshToken);
    const user = entry ? this.pool.byUsername(entry.username) : undefined;
    if (!entry || !user?.enabled) throw new NotAuthorizedError('Invalid refresh token.');
    if (this.refreshRotation) this.tokens.spend(refreshToken);
    return this.tokens.issue(user, {
      originJti: entry.originJti,
      authTime: entry.authTime,
      rotate: this.refreshRotation,
    });
  }

  /** RevokeToken. */
  async revoke(refreshToken: string): Promise<void> {
    this.tokens.revokeRefreshToken(refreshToken);
  }

  /**
   * A user the pool does not have: the UserMigration trigger, if configured.
   * Its refusal (wrong password, unknown email) is a failed sign-in like any
   * other: with PreventUserExistenceErrors, Cognito answers NotAuthorized.
   */
  private async migrate(email: string, password: string): Promise<FakeUser | undefined> {
    try {
      return await this.steps.migration.migrate(email, 'UserMigration_Authentication', password);
    } catch (error) {
      if (error instanceof PoolTriggerError) throw new NotAuthorizedError();
      throw error;
    }
  }

  private temporaryPasswordExpired(user: FakeUser): boolean {
    const issued = user.temporaryPasswordIssuedAt ?? 0;
    return this.pool.config.clock().getTime() > issued + TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY_MS;
  }
}
