import { createHash } from 'node:crypto';
import { TooManyRequestsError, UserNotFoundError, UserStateError } from '../domain/errors';
import { log } from '../log';
import type { RateLimiter } from '../ports/rate-limiter';
import type { UserDirectory } from '../ports/user-directory';

/** At most this many resends per email address per window. */
export const RESEND_LIMIT = { hits: 3, windowSeconds: 15 * 60 } as const;

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
 *   identically). Unknown users, users who already set a password, and
 *   Cognito's own throttling are swallowed (logged without the email).
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
  try {
    await ports.directory.resendTemporaryPassword(email);
  } catch (error) {
    if (
      error instanceof UserNotFoundError ||
      error instanceof UserStateError ||
      error instanceof TooManyRequestsError
    ) {
      log('info', 'temporary password not resent', { reason: error.name });
      return;
    }
    throw error;
  }
}
