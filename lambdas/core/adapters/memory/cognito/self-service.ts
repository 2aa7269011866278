import { randomBytes } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email';
import {
  CodeExpiredError,
  CodeMismatchError,
  TooManyRequestsError,
  UserExistsError,
} from '../../../domain/errors';
import { SIGN_UP_TICKET_FIELD } from '../../../domain/sign-up-ticket';
import { matchTotp, newTotpSecret } from '../../../domain/totp';
import type { SelfService, SessionUser, SignUpInput } from '../../../ports/self-service';
import type { Messenger } from './messages';
import type { UserMigration } from './migration';
import { assertPolicy, hashPassword, passwordMatches } from './passwords';
import type { FakeUser, PoolState } from './pool';
import type { TokenIssuer } from './tokens';
import type { Triggers } from './triggers';

/** Cognito's reset codes are valid 1 hour (also for AdminResetUserPassword). */
export const RESET_CODE_VALIDITY_MS = 60 * 60 * 1000;
const SIGN_UP_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** Wrong codes before Cognito refuses more tries (LimitExceededException). */
const MAX_CODE_FAILURES = 5;

/** The self-service port on the in-memory pool: token-authorized APIs, as Cognito checks them. */
export class InMemorySelfService implements SelfService {
  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    private readonly messenger: Messenger,
    private readonly triggers: Triggers,
    private readonly migration: UserMigration,
    /** A one-time USER_AUTH session for a user ConfirmSignUp just confirmed (user-auth.ts). */
    private readonly confirmedSession: (user: FakeUser) => string = () => '',
  ) {}

  /**
   * SignUp: UNCONFIRMED, a 6-digit code valid 24 hours emailed. A taken email
   * is UsernameExistsException before any trigger runs (as cognito-local does,
   * and as we assume of Cognito: docs/decisions/0020-auth-api-first-slice.md, "the pool's own door");
   * then PreSignUp, with the ticket in ClientMetadata, may refuse.
   */
  async signUp(input: SignUpInput): Promise<{ userSub: string; session: string }> {
    assertPolicy(input.password);
    if (this.pool.find(input.email))
      throw new UserExistsError('An account with the given email already exists.');
    await this.triggers.call('PreSignUp', {
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: this.pool.config.region,
      userPoolId: this.pool.config.userPoolId,
      userName: input.email,
      callerContext: { awsSdkVersion: 'in-memory', clientId: this.pool.config.clientId },
      request: {
        userAttributes: { email: normalizeEmail(input.email), ...(input.name ? { name: input.name } : {}) },
        clientMetadata: { [SIGN_UP_TICKET_FIELD]: input.ticket },
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    const user = this.pool.add({
      email: input.email,
      password: input.password,
      status: 'UNCONFIRMED',
      ...(input.name ? { attributes: { name: input.name } } : {}),
    });
    await this.sendSignUpCode(user, 'SignUp');
    user.signUpSession = randomBytes(48).toString('base64url');
    return { userSub: user.username, session: user.signUpSession };
  }

  /**
   * ConfirmSignUp: the code (constant time), its expiry and tries; then
   * CONFIRMED and email verified. With SignUp's session, a session that signs
   * the user in once (USER_AUTH).
   */
  async confirmSignUp(email: string, code: string, session?: string): Promise<{ session?: string }> {
    const user = this.pool.find(email);
    const pending = user?.status === 'UNCONFIRMED' ? user.signUpCode : undefined;
    if (!user || !pending) throw new CodeMismatchError('The code is wrong.');
    this.checkCode(pending, code);
    user.status = 'CONFIRMED';
    user.attributes.email_verified = 'true';
    user.signUpCode = undefined;
    const matches = session !== undefined && session === user.signUpSession;
    user.signUpSession = undefined;
    return matches ? { session: this.confirmedSession(user) } : {};
  }

  /** ResendConfirmationCode: a new code for an UNCONFIRMED user; anyone else, silently nothing. */
  async resendConfirmationCode(email: string): Promise<void> {
    const user = this.pool.find(email);
    if (user?.status === 'UNCONFIRMED') await this.sendSignUpCode(user, 'ResendCode');
  }

  /**
   * ForgotPassword: a 6-digit code valid 1 hour, emailed; unknown or
   * unconfirmed users answer the same. A user the pool does not have goes
   * through the UserMigration trigger first, if configured (its refusal
   * fails the call, as UserLambdaValidationException does).
   */
  async forgotPassword(email: string): Promise<void> {
    const user =
      this.pool.find(email) ?? (await this.migration.migrate(email, 'UserMigration_ForgotPassword'));
    if (!user || (user.status !== 'CONFIRMED' && user.status !== 'RESET_REQUIRED')) return;
    user.resetCode = await this.messenger.sendCode(user, 'ForgotPassword', RESET_CODE_VALIDITY_MS);
  }

  /** ConfirmForgotPassword: the code (constant time), its expiry and tries, then the policy. */
  async confirmForgotPassword(input: { email: string; code: string; newPassword: string }): Promise<void> {
    const user = this.pool.find(input.email);
    const pending = user?.resetCode;
    if (!user || !pending) throw new CodeMismatchError('The code is wrong.');
    this.checkCode(pending, input.code);
    assertPolicy(input.newPassword);
    user.passwordHash = hashPassword(input.newPassword);
    user.status = 'CONFIRMED';
    user.resetCode = undefined;
  }

  private async sendSignUpCode(user: FakeUser, source: 'SignUp' | 'ResendCode'): Promise<void> {
    user.signUpCode = await this.messenger.sendCode(user, source, SIGN_UP_CODE_VALIDITY_MS);
  }

  /** A pending code's tries, expiry, and value (constant time); a wrong one counts. */
  private checkCode(pending: { hash: Buffer; expiresAt: number; failures: number }, code: string): void {
    if (pending.failures >= MAX_CODE_FAILURES)
      throw new TooManyRequestsError('Too many wrong codes; ask for a new one.');
    if (this.now() > pending.expiresAt) throw new CodeExpiredError('The code has expired.');
    if (!passwordMatches(pending.hash, code)) {
      pending.failures++;
      throw new CodeMismatchError('The code is wrong.');
    }
  }

  private now(): number {
    return this.pool.config.clock().getTime();
  }

  /** GlobalSignOut: refresh tokens revoked, tokens issued until now refused by Cognito. */
  async globalSignOut(accessToken: string): Promise<void> {
    this.tokens.signOut(this.caller(accessToken));
  }

  /** GetUser: the user of a live access token (refused: revoked, expired, user disabled or gone). */
  async getUser(accessToken: string): Promise<SessionUser> {
    const user = this.caller(accessToken);
    return {
      username: user.username,
      email: user.email,
      totpEnabled: Boolean(user.totpEnabled && user.totp?.verified),
    };
  }

  /** AssociateSoftwareToken: a new secret replaces any pending one; a verified TOTP stays until verified again. */
  async associateSoftwareToken(accessToken: string): Promise<{ secretCode: string }> {
    const user = this.caller(accessToken);
    const secret = newTotpSecret();
    user.totp = { secret, verified: false };
    return { secretCode: secret };
  }

  /** VerifySoftwareToken: a code of the pending secret, ±1 step, not one already used. */
  async verifySoftwareToken(accessToken: string, code: string): Promise<void> {
    const user = this.caller(accessToken);
    const step = user.totp
      ? matchTotp(user.totp.secret, code, this.pool.config.clock().getTime(), user.totp.lastUsedStep)
      : undefined;
    if (!user.totp || step === undefined) throw new CodeMismatchError('The code is wrong.');
    user.totp.verified = true;
    user.totp.lastUsedStep = step;
  }

  /** SetUserMFAPreference (TOTP): only a verified TOTP can be enabled, as in Cognito. */
  async setTotpPreference(accessToken: string, enabled: boolean): Promise<void> {
    const user = this.caller(accessToken);
    if (enabled && !user.totp?.verified) throw new CodeMismatchError('TOTP is not verified for this user.');
    user.totpEnabled = enabled;
  }

  private caller(accessToken: string): FakeUser {
    return this.tokens.callerOf(this.pool, accessToken);
  }
}
