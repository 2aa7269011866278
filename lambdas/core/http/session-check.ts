import { UnauthenticatedError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { SessionUser } from '../ports/self-service';

/** How long Cognito's verdict on one access token is reused: the window of docs/security.md. */
export const SESSION_CHECK_TTL_MS = 60_000;
/** At most this many verdicts per container (about 100 bytes each); the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * Cognito's own verdict on an access token (GetUser), asked once per token
 * per `SESSION_CHECK_TTL_MS` in a container. It is what makes a revocation
 * that never passed through the API count: a GlobalSignOut or RevokeToken
 * sent straight to Cognito, a DeleteUser, an operator's AdminDisableUser,
 * AdminDeleteUser or AdminUserGlobalSignOut in the console.
 */
export interface SessionCheck {
  /** Throws UnauthenticatedError when Cognito refuses the token; `fresh` skips the reuse. */
  check(accessToken: string, options?: { fresh?: boolean }): Promise<SessionUser>;
}

type Verdict = { at: number; user: SessionUser } | { at: number; refused: UnauthenticatedError };

/** A container-wide cache in front of `getUser`, keyed by the token's signature (unique per token). */
export function cachedSessionCheck(
  getUser: (token: string) => Promise<SessionUser>,
  clock: Clock,
): SessionCheck {
  const verdicts = new Map<string, Verdict>();
  return {
    async check(accessToken, options = {}) {
      const key = accessToken.slice(accessToken.lastIndexOf('.') + 1);
      const now = clock().getTime();
      const known = verdicts.get(key);
      // A refusal is final (a revoked token never comes back); an admission is reused for a while.
      if (known && 'refused' in known) throw known.refused;
      if (known && !options.fresh && now - known.at < SESSION_CHECK_TTL_MS) return known.user;
      let verdict: Verdict;
      try {
        verdict = { at: now, user: await getUser(accessToken) };
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        verdict = { at: now, refused: error };
      }
      verdicts.delete(key);
      verdicts.set(key, verdict);
      if (verdicts.size > MAX_ENTRIES) verdicts.delete(verdicts.keys().next().value as string);
      if ('refused' in verdict) throw verdict.refused;
      return verdict.user;
    },
  };
}
