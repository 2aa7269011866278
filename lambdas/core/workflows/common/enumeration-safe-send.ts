import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../domain/email';
import { ConfigurationError, TooManyRequestsError } from '../../domain/errors';
import { SIGN_IN_CODE, SIGN_IN_CODE_SCOPE } from '../../domain/sign-in-rules';
import { log } from '../../log';
import type { RateLimiter } from '../../ports/rate-limiter';

/** A limit: at most `hits` per `windowSeconds`. */
export interface Limit {
  hits: number;
  windowSeconds: number;
}

/**
 * Counts one email to `email` under `scope` (the address hashed, before any
 * lookup, so unknown addresses throttle the same); TooManyRequestsError with
 * the window's length once over `limit`.
 */
export async function assertPerEmailLimit(
  rateLimiter: RateLimiter,
  scope: string,
  email: string,
  limit: Limit,
): Promise<void> {
  const key = `${scope}:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
  if (!(await rateLimiter.hit(key, limit.hits, limit.windowSeconds)))
    throw new TooManyRequestsError('Too many requests for this email; try again later.', limit.windowSeconds);
}

/**
 * The shape every unauthenticated "email me something" route shares
 * (temporary-password resend, password reset, sign-up code resend): a
 * per-email limit (the email hashed, counted before any lookup, so unknown
 * addresses throttle the same), a global limit for all addresses (a flood
 * across many must not drain the pool's email quota, F5), then the send, whose
 * provider errors are logged by name and swallowed — only existing accounts
 * reach most of them, so answering any differently would tell who has an
 * account. Only a ConfigurationError (ours) surfaces.
 */
export async function enumerationSafeSend(
  rateLimiter: RateLimiter,
  input: {
    /** Names the counters and the log line, e.g. `forgot-password`. */
    scope: string;
    email: string;
    limits: { perEmail: Limit; global: Limit };
    send: () => Promise<void>;
  },
): Promise<void> {
  const { perEmail, global } = input.limits;
  await assertPerEmailLimit(rateLimiter, input.scope, input.email, perEmail);
  if (!(await rateLimiter.hit(`${input.scope}:all`, global.hits, global.windowSeconds))) {
    throw new TooManyRequestsError('Too many requests right now; try again later.', global.windowSeconds);
  }
  try {
    await input.send();
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    log('info', 'email not sent', {
      scope: input.scope,
      reason: error instanceof Error ? error.name : 'Unknown',
    });
  }
}

/**
 * USER_AUTH's emailed codes draw on the same per-address budget as the
 * passwordless codes (`SIGN_IN_CODE.perAddress`, one counter for both flows,
 * which the CreateAuthChallenge trigger also counts), known address or not
 * (429 with Retry-After), so neither route nor both together can flood a mailbox.
 */
export function emailOtpAllowed(rateLimiter: RateLimiter, email: string): Promise<void> {
  return assertPerEmailLimit(rateLimiter, SIGN_IN_CODE_SCOPE, email, SIGN_IN_CODE.perAddress);
}
