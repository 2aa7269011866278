import { EMAIL_SEND_LIMITS } from '../../domain/send-limits';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { UserDirectory } from '../../ports/user-directory';
import { enumerationSafeSend } from '../common/enumeration-safe-send';

/** At most this many resends per email address per window. */
export const RESEND_LIMIT = EMAIL_SEND_LIMITS.perEmail;

/** At most this many unauthenticated resends, for all addresses together, per window. */
export const RESEND_GLOBAL_LIMIT = EMAIL_SEND_LIMITS.global;

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
  await enumerationSafeSend(ports.rateLimiter, {
    scope: 'resend-temporary-password',
    email,
    limits: { perEmail: RESEND_LIMIT, global: RESEND_GLOBAL_LIMIT },
    send: () => ports.directory.resendTemporaryPassword(email),
  });
}
