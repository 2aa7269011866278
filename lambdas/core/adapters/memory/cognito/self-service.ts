import { randomInt } from 'node:crypto';
import {
  CodeExpiredError,
  CodeMismatchError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../../domain/errors';
import { matchTotp, newTotpSecret } from '../../../domain/totp';
import type { SelfService } from '../../../ports/self-service';
import type { Messenger } from './messages';
import { assertPolicy, hashPassword, passwordMatches } from './passwords';
import type { FakeUser, PoolState } from './pool';
import type { TokenIssuer } from './tokens';

const RESET_CODE_VALIDITY_MS = 60 * 60 * 1000;
/** Wrong reset codes before Cognito refuses more tries (LimitExceededException). */
const MAX_RESET_FAILURES = 5;

/** The self-service port on the in-memory pool: token-authorized APIs, as Cognito checks them. */
export class InMemorySelfService implements SelfService {
  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    private readonly messenger: Messenger,
  ) {}

  /** ForgotPassword: a 6-digit code valid 1 hour, emailed; unknown or unconfirmed users answer the same. */
  async forgotPassword(email: string): Promise<void> {
    const user = this.pool.find(email);
    if (!user || (user.status !== 'CONFIRMED' && user.status !== 'RESET_REQUIRED')) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.messenger.send(user, { source: 'ForgotPassword', secret: code });
    user.resetCode = {
      hash: hashPassword(code),
      expiresAt: this.now() + RESET_CODE_VALIDITY_MS,
      failures: 0,
    };
  }

  /** ConfirmForgotPassword: the code (constant time), its expiry and tries, then the policy. */
  async confirmForgotPassword(input: { email: string; code: string; newPassword: string }): Promise<void> {
    const user = this.pool.find(input.email);
    const pending = user?.resetCode;
    if (!user || !pending) throw new CodeMismatchError('The code is wrong.');
    if (pending.failures >= MAX_RESET_FAILURES)
      throw new TooManyRequestsError('Too many wrong codes; ask for a new one.');
    if (this.now() > pending.expiresAt) throw new CodeExpiredError('The code has expired.');
    if (!passwordMatches(pending.hash, input.code)) {
      pending.failures++;
      throw new CodeMismatchError('The code is wrong.');
    }
    assertPolicy(input.newPassword);
    user.passwordHash = hashPassword(input.newPassword);
    user.status = 'CONFIRMED';
    user.resetCode = undefined;
  }

  private now(): number {
    return this.pool.config.clock().getTime();
  }

  /** GlobalSignOut: refresh tokens revoked, tokens issued until now refused by Cognito. */
  async globalSignOut(accessToken: string): Promise<void> {
    this.tokens.signOut(this.caller(accessToken));
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
    const user = this.tokens.userOfAccessToken(this.pool, accessToken);
    if (!user) throw new UnauthenticatedError('The access token has been revoked or has expired.');
    return user;
  }
}
