import { randomInt } from 'node:crypto';
import { CodeMismatchError, RequestValidationError } from '../../../domain/errors';
import type { AccountAdmin } from '../../../ports/account-admin';
import type { Messenger } from './messages';
import { assertPolicy, hashPassword } from './passwords';
import type { PoolState } from './pool';
import type { TokenIssuer } from './tokens';

const RESET_CODE_VALIDITY_MS = 60 * 60 * 1000;

/** The account-admin port on the in-memory pool, as Cognito's Admin* APIs behave. */
export class InMemoryAccountAdmin implements AccountAdmin {
  constructor(
    private readonly pool: PoolState,
    private readonly messenger: Messenger,
    private readonly tokens: TokenIssuer,
  ) {}

  /** AdminResetUserPassword: RESET_REQUIRED, the old password refused, a reset code emailed. */
  async resetPassword(username: string): Promise<void> {
    const user = this.pool.existing(username);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.messenger.send(user, { source: 'ForgotPassword', secret: code });
    user.status = 'RESET_REQUIRED';
    user.resetCode = {
      hash: hashPassword(code),
      expiresAt: this.pool.config.clock().getTime() + RESET_CODE_VALIDITY_MS,
      failures: 0,
    };
  }

  async setPassword(username: string, password: string, permanent: boolean): Promise<void> {
    const user = this.pool.existing(username);
    assertPolicy(password);
    user.passwordHash = hashPassword(password);
    user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.temporaryPasswordIssuedAt = permanent ? undefined : this.pool.config.clock().getTime();
  }

  async updateAttributes(username: string, attributes: Record<string, string>): Promise<void> {
    const user = this.pool.existing(username);
    if ('email' in attributes || 'sub' in attributes)
      throw new RequestValidationError('attributes', 'attributes: email and sub are not changed here');
    Object.assign(user.attributes, attributes);
  }

  /** AdminSetUserMFAPreference: TOTP only once an app was verified; SMS is not enabled on the pool. */
  async setMfaPreference(username: string, preference: { totp: boolean; sms: boolean }): Promise<void> {
    const user = this.pool.existing(username);
    if (preference.sms)
      throw new RequestValidationError('sms', 'sms: SMS MFA is not enabled on this user pool');
    if (preference.totp && !user.totp?.verified)
      throw new CodeMismatchError('The user has no verified TOTP app.');
    user.totpEnabled = preference.totp;
  }

  async globalSignOut(username: string): Promise<void> {
    this.tokens.signOut(this.pool.existing(username));
  }
}
