import { UnauthenticatedError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { SelfService } from '../../ports/self-service';
import type { UserStore } from '../../ports/user-store';
import { realSleep, withRetries } from '../../retry';

/**
 * signOutEverywhere — `POST /auth/sign-out`. Revocation first: the caller
 * gate's record (`tokensValidAfter` = now) is written before any Cognito
 * call, so from then on every protected route refuses the presented access
 * token and every other one of the user's sessions, and `/auth/refresh`
 * refuses their refresh tokens (a session that began before: sign-in-policy).
 * Then Cognito `GlobalSignOut`, so its own refresh tokens die too. When that
 * call fails (throttled, unavailable), the sign-out has still happened at the
 * API: the answer says so (`cognito: 'unconfirmed'`) instead of failing.
 */
export async function signOutEverywhere(
  ports: { selfService: SelfService; users: UserStore; clock: Clock },
  input: { caller: Caller; accessToken: string },
): Promise<{ cognito: 'signed-out' | 'unconfirmed' }> {
  await withRetries(() => ports.users.revokeTokens(input.caller.sub, ports.clock()), {
    attempts: 3,
    baseDelayMs: 50,
    sleep: realSleep,
  });
  try {
    await ports.selfService.globalSignOut(input.accessToken);
  } catch (error) {
    // Cognito refuses a token it has already revoked: the sign-out happened before.
    if (error instanceof UnauthenticatedError) return { cognito: 'signed-out' };
    log('warn', 'cognito sign-out failed', { userId: input.caller.sub, error: (error as Error).name });
    // The gate lets Cognito decide a token of the revocation's very second (`iat` has whole
    // seconds); Cognito did not revoke, so the revocation covers that whole second instead.
    const nextSecond = new Date((Math.floor(ports.clock().getTime() / 1000) + 1) * 1000);
    await ports.users.revokeTokens(input.caller.sub, nextSecond);
    return { cognito: 'unconfirmed' };
  }
  return { cognito: 'signed-out' };
}
