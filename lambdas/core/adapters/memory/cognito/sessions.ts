import { randomBytes } from 'node:crypto';
import { InvalidSessionError } from '../../../domain/errors';
import { TOKEN_VALIDITY } from '../../../domain/pool-policy';
import type { ChallengeName } from '../../../domain/tokens';
import type { Clock } from '../../../ports/clock';
import type { FakeUser } from './pool';

const MINUTE_MS = 60_000;

interface PendingChallenge {
  username: string;
  name: ChallengeName;
  expiresAt: number;
  failures: number;
}

/**
 * Drops the sessions past their expiry, as Cognito forgets them: each kind of
 * session calls it when it opens a new one, so unanswered sign-ins do not pile up.
 */
export function forgetExpired(sessions: Map<string, { expiresAt: number }>, now: number): void {
  for (const [key, session] of sessions) if (now > session.expiresAt) sessions.delete(key);
}

/** Wrong answers a challenge session takes before Cognito ends it. */
export const MAX_CHALLENGE_FAILURES = 3;

/** Challenge sessions: opaque, single use, bound to one user and one challenge, valid `authSessionMinutes`. */
export class Sessions {
  private readonly pending = new Map<string, PendingChallenge>();

  constructor(private readonly clock: Clock) {}

  open(user: FakeUser, name: ChallengeName): string {
    const session = randomBytes(48).toString('base64url');
    forgetExpired(this.pending, this.clock().getTime());
    const expiresAt = this.clock().getTime() + TOKEN_VALIDITY.authSessionMinutes * MINUTE_MS;
    this.pending.set(session, { username: user.username, name, expiresAt, failures: 0 });
    return session;
  }

  /** The user a session was opened for (AssociateSoftwareToken takes no username). */
  userOf(
    session: string,
    pool: { byUsername(username: string): FakeUser | undefined },
  ): FakeUser | undefined {
    const pending = this.pending.get(session);
    return pending ? pool.byUsername(pending.username) : undefined;
  }

  /** Consumes `session`; throws InvalidSessionError unless it is `user`'s open `name` challenge. */
  take(session: string, user: FakeUser | undefined, name: ChallengeName): FakeUser {
    const checked = this.check(session, user, name);
    this.pending.delete(session);
    return checked;
  }

  /** A wrong answer: the session stays open until MAX_CHALLENGE_FAILURES, then it ends. */
  fail(session: string): void {
    const pending = this.pending.get(session);
    if (pending && ++pending.failures >= MAX_CHALLENGE_FAILURES) this.pending.delete(session);
  }

  /** Like `take`, without consuming the session (so a wrong code can be retried). */
  check(session: string, user: FakeUser | undefined, name: ChallengeName): FakeUser {
    const pending = this.pending.get(session);
    if (pending && this.clock().getTime() > pending.expiresAt) this.pending.delete(session);
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
}
