import { CodeMismatchError, UnauthenticatedError } from '../../../domain/errors';
import { matchTotp, newTotpSecret } from '../../../domain/totp';
import type { SelfService } from '../../../ports/self-service';
import type { FakeUser, PoolState } from './pool';
import type { TokenIssuer } from './tokens';

/** The self-service port on the in-memory pool: token-authorized APIs, as Cognito checks them. */
export class InMemorySelfService implements SelfService {
  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
  ) {}

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
