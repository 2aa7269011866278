import { CodeMismatchError, RequestValidationError } from '../../../domain/errors';
import type { AccountAdmin } from '../../../ports/account-admin';
import type { Messenger } from './messages';
import { assertPolicy, hashPassword } from './passwords';
import type { PoolState } from './pool';
import { RESET_CODE_VALIDITY_MS } from './self-service';
import type { TokenIssuer } from './tokens';

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
    user.resetCode = await this.messenger.sendCode(user, 'ForgotPassword', RESET_CODE_VALIDITY_MS);
    user.status = 'RESET_REQUIRED';
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
