import {
  NotAuthorizedError,
  PasswordResetRequiredError,
  TemporaryPasswordExpiredError,
  UserNotConfirmedError,
} from '../../../domain/errors';
import { TEMPORARY_PASSWORD_VALIDITY_DAYS } from '../../../domain/pool-policy';
import type { AuthOutcome } from '../../../domain/tokens';
import type { SignIn } from '../../../ports/sign-in';
import { assertPolicy, hashPassword, passwordMatches } from './passwords';
import type { FakeUser, PoolState } from './pool';
import type { Sessions } from './sessions';
import type { TokenIssuer } from './tokens';

const DAY_MS = 86_400_000;

/** The sign-in port on the in-memory pool: InitiateAuth and RespondToAuthChallenge as Cognito answers them. */
export class InMemorySignIn implements SignIn {
  constructor(
    private readonly pool: PoolState,
    private readonly sessions: Sessions,
    private readonly tokens: TokenIssuer,
  ) {}

  /** InitiateAuth USER_PASSWORD_AUTH. */
  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    const user = this.pool.find(email);
    // Unknown user and wrong password look the same, as with PreventUserExistenceErrors on.
    if (!user || !passwordMatches(user.passwordHash, password)) throw new NotAuthorizedError();
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
        return { tokens: this.tokens.issue(user) };
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
    return { tokens: this.tokens.issue(user) };
  }

  private temporaryPasswordExpired(user: FakeUser): boolean {
    const issued = user.temporaryPasswordIssuedAt ?? 0;
    return this.pool.config.clock().getTime() > issued + TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY_MS;
  }
}
