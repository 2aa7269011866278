import { UnauthenticatedError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import type { Clock } from '../../ports/clock';
import type { SelfService } from '../../ports/self-service';
import type { UserStore } from '../../ports/user-store';
import { realSleep, withRetries } from '../../retry';

/**
 * signOutEverywhere — `POST /auth/sign-out`: Cognito `GlobalSignOut` (every
 * refresh token of the user dies), then the caller gate's record
 * (`tokensValidAfter` = now), so the presented access token, and every other
 * one issued before, is refused by every protected route at once.
 *
 * Converges when retried: if the record write fails after Cognito signed the
 * user out, the route answers 500; the retry's token is still admitted by the
 * gate (the record was not written), Cognito then refuses it as already
 * signed out, which counts as done, and the record is written.
 */
export async function signOutEverywhere(
  ports: { selfService: SelfService; users: UserStore; clock: Clock },
  input: { caller: Caller; accessToken: string },
): Promise<void> {
  try {
    await ports.selfService.globalSignOut(input.accessToken);
  } catch (error) {
    // Cognito refuses a token it has already revoked: the sign-out happened before.
    if (!(error instanceof UnauthenticatedError)) throw error;
  }
  await withRetries(() => ports.users.revokeTokens(input.caller.sub, ports.clock()), {
    attempts: 3,
    baseDelayMs: 50,
    sleep: realSleep,
  });
}
