import { createHash } from 'node:crypto';
import {
  ConfigurationError,
  TooManyRequestsError,
  UserNotFoundError,
  UserStateError,
} from '../domain/errors';
import { log } from '../log';
import type { RateLimiter } from '../ports/rate-limiter';
import type { UserDirectory } from '../ports/user-directory';

/** At most this many resends per email address per window. */
export const RESEND_LIMIT = { hits: 3, windowSeconds: 15 * 60 } as const;

/** At most this many unauthenticated resends, for all addresses together, per window. */
export const RESEND_GLOBAL_LIMIT = { hits: 200, windowSeconds: 15 * 60 } as const;

export const RESEND_MESSAGE =
  'If an account with an unused temporary password exists for this email, a new temporary password is on its way.';

/**
 * resendTemporaryPassword — email a fresh temporary password.
 *
 * What it does: calls Cognito `AdminCreateUser` with `MessageAction: 'RESEND'`
 * and `DesiredDeliveryMediums: ['EMAIL']`. Cognito generates a new temporary
 * password, restarts its validity, and emails it.
 *
 * When it is used: the applicant never received the invitation, or the
 * temporary password expired (login answered TEMPORARY_PASSWORD_EXPIRED).
 *
 * @param ports.directory the user directory; @param ports.rateLimiter per-email throttle
 * @param email the account's email (trimmed, lower-cased)
 * @returns nothing; the caller answers the same 202 whatever happened, so the
 *   route cannot be used to learn which emails have accounts.
 * @throws TooManyRequestsError (429) after RESEND_LIMIT requests for the same
 *   email in the window, counted before any lookup (so unknown emails throttle
 *   identically), and after RESEND_GLOBAL_LIMIT resends for all emails in
 *   the window. Every identity-provider error after that is swallowed (logged
 *   by name, without the email); only a ConfigurationError surfaces (500).
 *
 * Side effects: Cognito emails the user (mock mode: the outbox).
 */
export async function resendTemporaryPassword(
  ports: { directory: UserDirectory; rateLimiter: RateLimiter },
  email: string,
): Promise<void> {
  const key = `resend-temporary-password:${createHash('sha256').update(email).digest('hex')}`;
  if (!(await ports.rateLimiter.hit(key, RESEND_LIMIT.hits, RESEND_LIMIT.windowSeconds))) {
    throw new TooManyRequestsError('Too many resend requests for this email; try again later.');
  }
  // Every unauthenticated resend, whoever it is for, also counts against one global cap: a
  // flood across many addresses must not drain the pool's email quota (F5).
  if (
    !(await ports.rateLimiter.hit(GLOBAL_KEY, RESEND_GLOBAL_LIMIT.hits, RESEND_GLOBAL_LIMIT.windowSeconds))
  ) {
    throw new TooManyRequestsError('Too many resend requests right now; try again later.');
  }
  try {
    await ports.directory.resendTemporaryPassword(email);
  } catch (error) {
    // Only existing accounts reach most provider errors, so any of them answered differently
    // from an unknown email would tell who has an account (F6). Configuration errors are ours.
    if (error instanceof ConfigurationError) throw error;
    const expected =
      error instanceof UserNotFoundError ||
      error instanceof UserStateError ||
      error instanceof TooManyRequestsError;
    log(expected ? 'info' : 'warn', 'temporary password not resent', { reason: nameOf(error) });
  }
}

const GLOBAL_KEY = 'resend-temporary-password:all';

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'Unknown';
}
